package dev.callcenter.ivr;

/** How numbers are written inside Arabic prompts (English prompts always use Western digits). */
public enum DigitStyle {
  /** 0123456789 */
  WESTERN,
  /** ٠١٢٣٤٥٦٧٨٩ (U+0660..U+0669) */
  ARABIC_INDIC
}
