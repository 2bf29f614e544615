package io.deltapromotion.infrastructure.warehouse;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated SQL identifier: a column, an alias, or one part of a {@link TableName}. Letters, digits and
 * underscores, not starting with a digit, at most 255 characters. Case is preserved.
 */
public record Identifier(String value) {

  private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

  public Identifier {
    requireValid(value, "identifier");
  }

  public static Identifier of(String value) {
    return new Identifier(value);
  }

  public String quoted() {
    return quote(value);
  }

  @Override
  public String toString() {
    return value;
  }

  static String requireValid(String value, String what) {
    Objects.requireNonNull(value, what);
    check(value, value);
    return value;
  }

  static void check(String part, String whole) {
    if (part.isEmpty()) {
      throw new InvalidIdentifierException("name " + excerpt(whole) + " has an empty part");
    }
    if (part.length() > 255) {
      throw new InvalidIdentifierException("name " + excerpt(whole) + " has a part of " + part.length()
          + " characters; at most 255 are accepted");
    }
    if (!GRAMMAR.matcher(part).matches()) {
      int position = firstInvalid(part);
      throw new InvalidIdentifierException("name " + excerpt(whole) + " contains " + describe(part, position)
          + ": each part must be a letter or underscore followed by letters, digits or underscores");
    }
  }

  /** Backtick quoting; the grammar admits no backtick, but doubling keeps quoting safe regardless. */
  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  private static int firstInvalid(String part) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!(letter || (i > 0 && c >= '0' && c <= '9'))) {
        return i;
      }
    }
    return 0;
  }

  private static String describe(String part, int position) {
    int codePoint = part.codePointAt(position);
    String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || codePoint > 126
        ? String.format("U+%04X", codePoint)
        : "'" + new String(Character.toChars(codePoint)) + "'";
    return (position == 0 && Character.isDigit(codePoint) ? "a leading digit " : "the character ") + shown;
  }

  /** A short, printable rendering of untrusted input for messages and logs. */
  static String excerpt(String raw) {
    StringBuilder out = new StringBuilder("'");
    raw.codePoints().limit(60).forEach(codePoint -> {
      if (codePoint >= 32 && codePoint < 127 && codePoint != '\'' && codePoint != '\\') {
        out.appendCodePoint(codePoint);
      } else {
        out.append(String.format("\\u%04X", codePoint));
      }
    });
    return out.append(raw.codePointCount(0, raw.length()) > 60 ? "...'" : "'").toString();
  }
}
