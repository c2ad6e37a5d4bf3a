/** A control the debugger cannot carry out with this input (the page shows the message; HTTP 400). */
export class DebuggerInputError extends Error {}

/** A control while another runs: the page waits, as steps run one at a time per session (HTTP 409). */
export class DebuggerBusyError extends Error {}
