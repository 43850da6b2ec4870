/** Parsed JSON of the API server or of a synthesized stack, read field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
