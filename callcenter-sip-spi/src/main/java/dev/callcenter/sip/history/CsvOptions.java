package dev.callcenter.sip.history;

/**
 * How to write CSV.
 *
 * @param byteOrderMark start with the UTF-8 byte order mark, so that spreadsheet programs read the file as
 *     UTF-8 (Arabic names shown right)
 * @param header write a header row
 * @param escapeFormulas put an apostrophe before a field starting with {@code = + - @}, tab or CR, so that a
 *     spreadsheet program shows it as text and never runs it as a formula (CSV injection); the file then no
 *     longer round-trips such fields exactly
 */
public record CsvOptions(boolean byteOrderMark, boolean header, boolean escapeFormulas) {
  /** A header row, no byte order mark, every field exactly as stored. */
  public static final CsvOptions DEFAULT = new CsvOptions(false, true, false);
  /** A header row, the byte order mark and formula escaping, for Excel and friends. */
  public static final CsvOptions SPREADSHEET = new CsvOptions(true, true, true);
}
