package dev.callcenter.sip.history;

/**
 * How to write CSV.
 *
 * @param byteOrderMark start with the UTF-8 byte order mark, so that spreadsheet programs read the file as
 *     UTF-8 (Arabic names shown right)
 * @param header write a header row
 */
public record CsvOptions(boolean byteOrderMark, boolean header) {
  /** A header row, no byte order mark. */
  public static final CsvOptions DEFAULT = new CsvOptions(false, true);
  /** A header row and the byte order mark, for Excel. */
  public static final CsvOptions SPREADSHEET = new CsvOptions(true, true);
}
