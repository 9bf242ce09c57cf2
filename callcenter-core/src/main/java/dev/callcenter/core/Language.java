package dev.callcenter.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.callcenter.core.internal.Checks;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A language by its BCP 47 tag. Arabic and English are built in; any other tag is accepted with {@link #of}.
 *
 * @param tag lower-case language tag, for example {@code ar}, {@code en}, {@code fr} or {@code ar-eg}
 */
public record Language(@JsonValue String tag) {
  private static final Pattern FORM = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
  private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "yi", "ckb");

  public static final Language ARABIC = new Language("ar");
  public static final Language ENGLISH = new Language("en");

  public Language {
    Checks.notBlank(tag, "language");
    tag = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    Checks.matches(tag, FORM, "language", "a BCP 47 language tag such as 'ar' or 'en'");
  }

  /** Parses a tag in any letter case ({@code "AR"}, {@code "en-US"}, {@code "en_us"}). */
  @JsonCreator
  public static Language of(String tag) {
    return new Language(tag);
  }

  /** The primary language subtag: {@code ar} for {@code ar-eg}. */
  public String primary() {
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }

  public boolean isRightToLeft() {
    return RIGHT_TO_LEFT.contains(primary());
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  @Override
  public String toString() {
    return tag;
  }
}
