package dev.callcenter.ivr.internal;

/** CLDR cardinal plural categories for whole numbers, for Arabic and English (others use one/other). */
public final class Plurals {
  public static final String ZERO = "zero";
  public static final String ONE = "one";
  public static final String TWO = "two";
  public static final String FEW = "few";
  public static final String MANY = "many";
  public static final String OTHER = "other";

  private Plurals() {}

  /** The category of {@code n} in the language {@code primaryTag} ("ar", "en", ...). */
  public static String category(String primaryTag, long n) {
    long abs = Math.abs(n);
    if ("ar".equals(primaryTag)) {
      long mod100 = abs % 100;
      if (abs == 0) {
        return ZERO;
      } else if (abs == 1) {
        return ONE;
      } else if (abs == 2) {
        return TWO;
      } else if (mod100 >= 3 && mod100 <= 10) {
        return FEW;
      } else if (mod100 >= 11) {
        return MANY;
      }
      return OTHER;
    }
    return abs == 1 ? ONE : OTHER;
  }
}
