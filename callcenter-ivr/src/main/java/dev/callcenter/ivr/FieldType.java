package dev.callcenter.ivr;

/** How a data-collection answer is validated and normalised. */
public enum FieldType {
  /** A phone number, read with the flow's default region; stored in E.164. */
  PHONE,
  /** Text matching the field's pattern (order numbers); Arabic-Indic digits folded, stored upper case. */
  PATTERN,
  /** Yes or no: "نعم"/"لا", "yes"/"no", 1/2; stored as {@code yes} or {@code no}. */
  YES_NO,
  /** Digits only (Arabic-Indic folded). */
  DIGITS,
  /** Any free text or keyed digits. */
  TEXT
}
