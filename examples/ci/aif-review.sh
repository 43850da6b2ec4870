#!/usr/bin/env bash
# The infrastructure review of a pull (GitHub) or merge (GitLab) request: synthesizes the base and
# the head, runs `aif diff --fail-on destructive`, keeps ONE comment on the request up to date (found
# again by the hidden marker <!-- aif-diff --> on every push), and fails on destructive changes
# unless the request carries the acknowledging label.
#
#   examples/ci/aif-review.sh github|gitlab
#
# Environment:
#   AIF_BASE_DIR       checkout of the request's base (required)
#   AIF_HEAD_DIR       checkout of the request's head (default: .)
#   AIF_LABELS         the request's labels, comma-separated
#   AIF_ACK_LABEL      the label that acknowledges destructive changes (default: aif/destructive-ok)
#   AIF_REVIEW_FILE    where the whole review is written (default: aif-review.md)
#   AIF_COMMENT_LIMIT  bytes of review a comment takes before it is cut at a line (default: 65000,
#                      under GitHub's 65,536 characters)
#   AIF_CLI            the command that runs aif (default: the base's own: its installed package,
#                      <base>/node_modules/.bin/aif, in a site repository; its build,
#                      <base>/dist/lib/cli/main.js, in the library's repository. A request cannot
#                      weaken the review that judges it.)
#   github:            GH_TOKEN, GITHUB_REPOSITORY, AIF_PR_NUMBER
#   gitlab:            AIF_GITLAB_TOKEN (project access token, api scope: CI_JOB_TOKEN may not
#                      write notes), CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID
#
# Exit codes: 0 reviewed (or destructive and acknowledged), 3 destructive and not acknowledged,
# anything else: a step failed.
set -euo pipefail

platform="${1:-}"
case "$platform" in
  github | gitlab) ;;
  *)
    echo "usage: aif-review.sh github|gitlab" >&2
    exit 2
    ;;
esac
base="$(cd "${AIF_BASE_DIR:?AIF_BASE_DIR: the base checkout}" && pwd)"
head="$(cd "${AIF_HEAD_DIR:-.}" && pwd)"
ack="${AIF_ACK_LABEL:-aif/destructive-ok}"
review="${AIF_REVIEW_FILE:-aif-review.md}"
marker='<!-- aif-diff -->'

# Each side into its own cdktf.out: with the repository's `synth` script where it has one (the
# library's, or a site repository's own app), else with its installed aif. Both get the head's root
# as AIF_PROJECT_ROOT, so that absolute state paths are the same on both sides and only real changes
# show.
synth() {
  (
    cd "$1"
    npm ci --no-audit --no-fund
    if node -e 'process.exit(require("./package.json").scripts?.synth ? 0 : 1)'; then
      AIF_PROJECT_ROOT="$head" npm run synth
    else
      AIF_PROJECT_ROOT="$head" ./node_modules/.bin/aif synth
    fi
  ) >&2
}

github_post() {
  local api="repos/${GITHUB_REPOSITORY:?}/issues" id
  id="$(gh api "$api/${AIF_PR_NUMBER:?}/comments" --paginate \
    --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"
  if [ -n "$id" ]; then
    gh api -X PATCH "$api/comments/$id" -F "body=@$1" >/dev/null
  else
    gh api -X POST "$api/$AIF_PR_NUMBER/comments" -F "body=@$1" >/dev/null
  fi
}

gitlab_post() {
  local api="${CI_API_V4_URL:?}/projects/${CI_PROJECT_ID:?}/merge_requests/${CI_MERGE_REQUEST_IID:?}/notes"
  local auth="PRIVATE-TOKEN: ${AIF_GITLAB_TOKEN:?AIF_GITLAB_TOKEN: a project access token with api scope}" id
  id="$(curl -fsS --header "$auth" "$api?per_page=100&sort=asc" |
    node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{
      const n=JSON.parse(s).find((x)=>x.body.startsWith(process.argv[1]));if(n)console.log(n.id)})' "$marker")"
  if [ -n "$id" ]; then
    curl -fsS -X PUT --header "$auth" --data-urlencode "body@$1" "$api/$id" >/dev/null
  else
    curl -fsS -X POST --header "$auth" --data-urlencode "body@$1" "$api" >/dev/null
  fi
}

synth "$base"
synth "$head"
if [ -n "${AIF_CLI:-}" ]; then
  cli="$AIF_CLI"
elif [ -x "$base/node_modules/.bin/aif" ]; then
  cli="\"$base/node_modules/.bin/aif\""
else
  cli="node \"$base/dist/lib/cli/main.js\""
fi

status=0
bash -c "$cli \"\$@\"" aif diff "$base/cdktf.out" "$head/cdktf.out" --fail-on destructive --output "$review" ||
  status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
  echo "aif-review: aif diff failed (exit $status)" >&2
  exit "$status"
fi

verdict=''
if [ "$status" -eq 3 ]; then
  case ",${AIF_LABELS:-}," in
    *",$ack,"*)
      verdict="> Destructive changes acknowledged with the label \`$ack\`."
      status=0
      ;;
    *) verdict="> This check fails until the changes under **Needs attention** are undone or acknowledged with the label \`$ack\`." ;;
  esac
fi

body="$(mktemp)"
trap 'rm -f "$body"' EXIT
limit="${AIF_COMMENT_LIMIT:-65000}"
{
  echo "$marker"
  if [ "$(wc -c <"$review")" -gt "$limit" ]; then
    # Cut at a line, never inside a character; the verdict must survive the cut, so a <details>
    # left open by the cut is closed (GitHub would fold the note and the verdict into it).
    cut="$(head -c "$limit" "$review" | sed '$d')"
    printf '%s\n' "$cut"
    opened="$(printf '%s\n' "$cut" | grep -c '^<details>' || true)"
    closed="$(printf '%s\n' "$cut" | grep -c '^</details>' || true)"
    if [ "$opened" -gt "$closed" ]; then printf '\n</details>\n'; fi
    printf '\n… cut here: the full review is %s in the job'"'"'s artifacts.\n' "$(basename "$review")"
  else
    cat "$review"
  fi
  if [ -n "$verdict" ]; then printf '\n%s\n' "$verdict"; fi
} >"$body"

"${platform}_post" "$body"
exit "$status"
