// Synthesis judges allocations against $AIF_DATE, else today (UTC): an allocation past its end gets
// no GPU quota. The test pins the day, so that its quotas do not change as the calendar moves; the
// scheduled deploy runs without it, on the day it runs.
process.env.AIF_DATE ??= '2026-11-30';
