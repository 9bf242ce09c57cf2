package dev.callcenter.ivr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A prompt text parsed once into literal runs and {@code {name}} parameters. */
public final class Template {
  private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_]*)\\}");
  /** Left-to-right isolate, first-strong isolate and pop directional isolate (Unicode 6.3 bidi isolates). */
  public static final char LRI = '\u2066';
  public static final char FSI = '\u2068';
  public static final char PDI = '\u2069';

  private final String source;
  private final String[] literals;
  private final String[] params;

  private Template(String source, String[] literals, String[] params) {
    this.source = source;
    this.literals = literals;
    this.params = params;
  }

  public static Template parse(String text) {
    List<String> literals = new ArrayList<>();
    List<String> params = new ArrayList<>();
    Matcher m = PARAM.matcher(text);
    int last = 0;
    while (m.find()) {
      literals.add(text.substring(last, m.start()));
      params.add(m.group(1));
      last = m.end();
    }
    literals.add(text.substring(last));
    return new Template(text, literals.toArray(String[]::new), params.toArray(String[]::new));
  }

  public String source() {
    return source;
  }

  public boolean hasParameters() {
    return params.length > 0;
  }

  public List<String> parameters() {
    return params.length == 0 ? List.of() : List.of(params);
  }

  /**
   * Renders with the arguments. Numbers get {@code arabicIndic} digits when asked; inside right-to-left text every
   * argument is isolated (numbers left-to-right with LRI, text by its first strong character with FSI) so that
   * numbers and Latin names keep their order; inside left-to-right text only arguments with right-to-left letters
   * are isolated. A missing argument renders as its {@code {name}}.
   */
  public String render(Map<String, ?> args, boolean rightToLeft, boolean arabicIndic) {
    if (params.length == 0) {
      return literals[0];
    }
    StringBuilder out = new StringBuilder(source.length() + 16);
    for (int i = 0; i < params.length; i++) {
      out.append(literals[i]);
      Object value = args.get(params[i]);
      if (value == null) {
        out.append('{').append(params[i]).append('}');
      } else if (value instanceof Number number) {
        if (rightToLeft) {
          out.append(LRI);
        }
        appendNumber(out, number.toString(), arabicIndic);
        if (rightToLeft) {
          out.append(PDI);
        }
      } else {
        String text = value.toString();
        boolean numeric = isNumeric(text);
        boolean isolate = rightToLeft || hasRightToLeft(text);
        if (isolate) {
          out.append(numeric && rightToLeft ? LRI : FSI);
        }
        if (numeric) {
          appendNumber(out, text, arabicIndic);
        } else {
          out.append(text);
        }
        if (isolate) {
          out.append(PDI);
        }
      }
    }
    out.append(literals[params.length]);
    return out.toString();
  }

  private static boolean hasRightToLeft(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Hebrew, Arabic, Syriac, Thaana, NKo ... Arabic Extended (U+0590-U+08FF) and the presentation forms
      if (c >= '\u0590' && (c <= '\u08FF' || (c >= '\uFB1D' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF'))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNumeric(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '+' && c != '-' && c != ':' && c != ' ' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static void appendNumber(StringBuilder out, String digits, boolean arabicIndic) {
    if (!arabicIndic) {
      out.append(digits);
      return;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      out.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : c);
    }
  }
}
