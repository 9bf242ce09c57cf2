package dev.callcenter.core;

import dev.callcenter.core.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A skill an agent has, with a proficiency from 1 (novice) to 5 (expert).
 *
 * @param name lower-case slug such as {@code arabic}, {@code billing}
 */
public record Skill(String name, int proficiency) {
  public static final int MIN_PROFICIENCY = 1;
  public static final int MAX_PROFICIENCY = 5;
  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  public Skill {
    Checks.notBlank(name, "skill.name");
    name = name.trim().toLowerCase(Locale.ROOT);
    Checks.matches(name, FORM, "skill.name", "a slug of letters, digits, '_' or '-'");
    Checks.inRange(proficiency, MIN_PROFICIENCY, MAX_PROFICIENCY, "skill.proficiency");
  }

  public static Skill of(String name, int proficiency) {
    return new Skill(name, proficiency);
  }
}
