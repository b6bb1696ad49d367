// Downloads of a table's rows as CSV or JSON, made in the page from the rows themselves (a Blob and a temporary
// link): no server, no network, and the file says exactly what the table shows.

export interface ExportColumn<R> {
  key: keyof R & string;
  /** The CSV header; the key itself by default (and always in JSON, whose keys are the row's). */
  header?: string;
}

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a spreadsheet would run
 * as a formula (=, +, -, @ first) is prefixed with ' so opening the file cannot execute anything.
 */
export function csvField(value: unknown): string {
  if (value == null || (typeof value === "number" && !Number.isFinite(value))) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header line and one line per row, CRLF-separated as RFC 4180 asks. */
export function toCsv<R extends object>(rows: readonly R[], columns: readonly ExportColumn<R>[]): string {
  const lines = [columns.map((c) => csvField(c.header ?? c.key))];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key])));
  return `${lines.map((fields) => fields.join(",")).join("\r\n")}\r\n`;
}

/** The rows with only the given columns, in that order, as indented JSON. */
export function toJson<R extends object>(rows: readonly R[], columns: readonly ExportColumn<R>[]): string {
  const picked = rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null])));
  return `${JSON.stringify(picked, null, 2)}\n`;
}

export interface DownloadOptions {
  label: string;
  filename: string;
  type: string;
  /** Called at each click, so the file holds the rows as they are then; it may throw to say why there is none. */
  content: () => string;
  /** Told the message when `content` throws (nothing is saved); by default the error propagates. */
  onError?: (message: string) => void;
}

/** A button that saves `content()` as `filename`. */
export function downloadButton(
  {label, filename, type, content, onError}: DownloadOptions,
  doc: Document = document
): HTMLButtonElement {
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "download";
  button.textContent = label;
  let previous: string | null = null;
  button.addEventListener("click", () => {
    // The previous file's URL is released only now: revoking at once can cancel a download that has not begun.
    if (previous) URL.revokeObjectURL(previous);
    let text: string;
    try {
      text = content();
    } catch (error) {
      if (!onError) throw error;
      return onError(error instanceof Error ? error.message : String(error));
    }
    const url = URL.createObjectURL(new Blob([text], {type}));
    const link = doc.createElement("a");
    link.href = url;
    link.download = filename;
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    previous = url;
  });
  return button;
}
