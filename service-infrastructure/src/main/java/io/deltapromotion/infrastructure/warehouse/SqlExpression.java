package io.deltapromotion.infrastructure.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A scalar SQL expression from a table policy (e.g. {@code amount >= 0} or {@code AVG(amount)}),
 * checked against a strict token grammar before it can reach SQL: ASCII identifiers (plain or backtick
 * quoted), numbers, single-quoted strings, operators, commas and balanced parentheses. No statement
 * separator, comment, subquery, window or statement keyword gets through, and only functions on an
 * allow-list of pure ones can be called ({@link #FUNCTIONS}: no {@code reflect}, {@code secret},
 * {@code raise_error}, {@code ai_query}, {@code http_request}, nothing that reads a file, the clock of
 * another system or a random number), so an expression can only ever compute a value over the rows it
 * is given.
 *
 * <p>Two differences between this grammar and Spark's are closed rather than modelled: raw strings
 * ({@code r'\'}, where a backslash escapes nothing) are refused, and {@link #sql()} writes every
 * {@code $} inside a string as the escape {@code \u0024}, so Spark's variable substitution
 * ({@code ${env:SECRET}}, {@code ${system:user.home}}) finds nothing to substitute even on a session
 * where it is on.
 */
public final class SqlExpression {

  private static final int MAX_LENGTH = 2000;

  /** Words that would make the expression more than an expression. */
  private static final Set<String> FORBIDDEN = Set.of(
      "SELECT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "INTERSECT", "EXCEPT", "JOIN",
      "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "DROP", "CREATE", "ALTER", "TRUNCATE", "GRANT", "REVOKE",
      "SET", "RESET", "CALL", "EXPLAIN", "USE", "REFRESH", "OPTIMIZE", "VACUUM", "RESTORE", "COPY", "LATERAL",
      "WINDOW", "OVER", "TABLESAMPLE", "VALUES", "DESCRIBE", "SHOW", "CACHE", "UNCACHE", "ADD", "LOAD",
      "REFLECT", "JAVA_METHOD", "TRY_REFLECT", "SLEEP");

  /** Words that are SQL syntax, not column names. */
  private static final Set<String> SYNTAX = Set.of(
      "AND", "OR", "NOT", "NULL", "IS", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "IN", "BETWEEN",
      "LIKE", "ILIKE", "RLIKE", "REGEXP", "ESCAPE", "DISTINCT", "AS", "INTERVAL", "DATE", "TIMESTAMP", "ANY",
      "SOME", "ALL", "DIV", "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "FILTER");

  /** Aggregate functions of Spark SQL and Databricks SQL. */
  private static final Set<String> AGGREGATES = Set.of(
      "COUNT", "COUNT_IF", "SUM", "AVG", "MEAN", "MIN", "MAX", "MIN_BY", "MAX_BY", "STDDEV", "STDDEV_POP",
      "STDDEV_SAMP", "STD", "VARIANCE", "VAR_POP", "VAR_SAMP", "PERCENTILE", "PERCENTILE_APPROX",
      "APPROX_PERCENTILE", "MEDIAN", "APPROX_COUNT_DISTINCT", "EVERY", "BOOL_AND", "BOOL_OR", "ANY_VALUE",
      "FIRST", "LAST", "SKEWNESS", "KURTOSIS", "CORR", "COVAR_POP", "COVAR_SAMP", "BIT_AND", "BIT_OR", "BIT_XOR");

  /**
   * The functions an expression may call: the aggregates and scalar functions that compute a value
   * from their arguments alone. Anything else (a function of a newer runtime included) is refused
   * with its name; add it here once it is known to be pure.
   */
  public static final Set<String> FUNCTIONS = union(AGGREGATES, Set.of(
      // conditional and conversion
      "COALESCE", "NULLIF", "NVL", "NVL2", "IF", "IFNULL", "ISNULL", "ISNOTNULL", "ISNAN", "NANVL", "GREATEST",
      "LEAST", "CAST", "TRY_CAST", "TO_NUMBER", "TRY_TO_NUMBER", "STRING", "INT", "BIGINT", "DOUBLE", "BOOLEAN",
      // arithmetic
      "ABS", "CEIL", "CEILING", "FLOOR", "ROUND", "BROUND", "SQRT", "CBRT", "EXP", "LN", "LOG", "LOG10", "LOG2",
      "POW", "POWER", "MOD", "PMOD", "SIGN", "SIGNUM", "NEGATIVE", "POSITIVE", "TRY_ADD", "TRY_SUBTRACT",
      "TRY_MULTIPLY", "TRY_DIVIDE",
      // strings
      "LENGTH", "LEN", "CHAR_LENGTH", "CHARACTER_LENGTH", "OCTET_LENGTH", "BIT_LENGTH", "LOWER", "UPPER", "LCASE",
      "UCASE", "TRIM", "LTRIM", "RTRIM", "BTRIM", "SUBSTR", "SUBSTRING", "LEFT", "RIGHT", "CONCAT", "CONCAT_WS",
      "REPLACE", "REGEXP_LIKE", "REGEXP_EXTRACT", "REGEXP_REPLACE", "REGEXP_COUNT", "INSTR", "LOCATE", "LPAD",
      "RPAD", "REVERSE", "INITCAP", "ASCII", "CHR", "CONTAINS", "STARTSWITH", "ENDSWITH", "SPLIT_PART",
      "TRANSLATE", "LEVENSHTEIN", "SOUNDEX", "FORMAT_NUMBER", "MD5", "SHA1", "SHA2", "CRC32", "HASH", "XXHASH64",
      // dates and times of the row (the current date is the reader's, so not a secret and not a side effect)
      "CURRENT_DATE", "CURRENT_TIMESTAMP", "NOW", "DATE_ADD", "DATE_SUB", "DATEDIFF", "DATE_DIFF",
      "MONTHS_BETWEEN", "YEAR", "MONTH", "DAY", "DAYOFMONTH", "DAYOFWEEK", "DAYOFYEAR", "HOUR", "MINUTE", "SECOND",
      "WEEKOFYEAR", "QUARTER", "TO_DATE", "TO_TIMESTAMP", "DATE_FORMAT", "DATE_TRUNC", "TRUNC", "UNIX_TIMESTAMP",
      "LAST_DAY", "ADD_MONTHS", "MAKE_DATE",
      // collections
      "SIZE", "CARDINALITY", "ARRAY_CONTAINS", "ELEMENT_AT"));

  private enum Kind { WORD, QUOTED_WORD, NUMBER, STRING, SYMBOL }

  private record Token(Kind kind, String text, int position) {
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }
  }

  private final String text;
  private final List<Token> tokens;

  private SqlExpression(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  /**
   * Parses an expression.
   *
   * @throws InvalidSqlExpressionException saying what is wrong and where (1-based character position)
   */
  public static SqlExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidSqlExpressionException("the expression is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidSqlExpressionException("the expression has " + text.length() + " characters; at most "
          + MAX_LENGTH + " are accepted");
    }
    List<Token> tokens = new Tokenizer(text).tokens();
    checkStructure(tokens);
    return new SqlExpression(text.strip(), tokens);
  }

  /** The expression as written (trimmed). */
  public String text() {
    return text;
  }

  /**
   * The expression as SQL for the warehouse: as written, but with every {@code $} (which the grammar
   * admits only inside strings) written as {@code \u0024}, which Spark turns back into {@code $} when it
   * reads the string, after variable substitution has had its turn.
   */
  public String sql() {
    return text.replace("$", "\\u0024");
  }

  /** Whether it calls an aggregate function (COUNT, SUM, AVG, ...). */
  public boolean isAggregate() {
    return !aggregateCalls().isEmpty();
  }

  /** The aggregate functions it calls, upper case. */
  public Set<String> aggregateCalls() {
    Set<String> calls = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind() == Kind.WORD && isCall(i) && AGGREGATES.contains(upper(token))) {
        calls.add(upper(token));
      }
    }
    return calls;
  }

  /**
   * The column names it refers to: words that are neither function names, SQL syntax, the type after
   * {@code AS} (in CAST) nor a field after a dot. Compared case-insensitively with a schema, this finds a
   * misspelt column before the query runs.
   */
  public Set<String> columnReferences() {
    Set<String> columns = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      boolean word = token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_WORD;
      if (!word || isCall(i) || (i > 0 && tokens.get(i - 1).is("."))) {
        continue;
      }
      if (token.kind() == Kind.WORD && (SYNTAX.contains(upper(token)) || afterAs(i))) {
        continue;
      }
      columns.add(token.text());
    }
    return columns;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SqlExpression expression && expression.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  private boolean isCall(int i) {
    return i + 1 < tokens.size() && tokens.get(i + 1).is("(");
  }

  private boolean afterAs(int i) {
    return i > 0 && tokens.get(i - 1).kind() == Kind.WORD && upper(tokens.get(i - 1)).equals("AS");
  }

  private static String upper(Token token) {
    return token.text().toUpperCase(Locale.ROOT);
  }

  private static void checkStructure(List<Token> tokens) {
    int depth = 0;
    for (Token token : tokens) {
      if (token.kind() == Kind.WORD && FORBIDDEN.contains(upper(token))) {
        throw new InvalidSqlExpressionException("'" + token.text() + "' at character " + token.position()
            + " is not allowed: a check is one expression, not a query or a statement");
      }
      if (token.is("(")) {
        depth++;
      } else if (token.is(")") && --depth < 0) {
        throw new InvalidSqlExpressionException("the ')' at character " + token.position() + " closes nothing");
      }
    }
    if (depth > 0) {
      throw new InvalidSqlExpressionException(depth + " parenthes" + (depth == 1 ? "is is" : "es are") + " not closed");
    }
    for (int i = 0; i < tokens.size(); i++) {
      checkCall(tokens, i);
    }
  }

  /** A call must name an allowed function, unquoted and unqualified; SQL syntax and CAST's type are not calls. */
  private static void checkCall(List<Token> tokens, int i) {
    Token token = tokens.get(i);
    boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
    if (!call || token.kind() == Kind.SYMBOL || token.kind() == Kind.NUMBER || token.kind() == Kind.STRING) {
      return;
    }
    if (token.kind() == Kind.QUOTED_WORD) {
      throw new InvalidSqlExpressionException("the quoted name `" + token.text() + "` at character "
          + token.position() + " is called as a function: functions are called by their plain name");
    }
    if (i > 0 && tokens.get(i - 1).is(".")) {
      throw new InvalidSqlExpressionException("'" + token.text() + "' at character " + token.position()
          + " is a qualified function: only the built-in functions of the allow-list can be called");
    }
    String name = upper(token);
    boolean typeOfCast = i > 0 && tokens.get(i - 1).kind() == Kind.WORD && upper(tokens.get(i - 1)).equals("AS");
    if (!SYNTAX.contains(name) && !typeOfCast && !FUNCTIONS.contains(name)) {
      throw new InvalidSqlExpressionException("the function '" + token.text() + "' at character "
          + token.position() + " is not on the allow-list of pure functions (SqlExpression.FUNCTIONS)");
    }
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> union = new LinkedHashSet<>(first);
    union.addAll(second);
    return Set.copyOf(union);
  }

  /** Splits the text into tokens, rejecting anything outside the grammar. */
  private static final class Tokenizer {

    private static final List<String> SYMBOLS = List.of(
        "<=>", "==", "!=", "<>", "<=", ">=", "||", "(", ")", ",", ".", "+", "-", "*", "/", "%", "=", "<", ">", "&",
        "|", "^", "~", "!", ":");

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    Tokenizer(String text) {
      this.text = text;
    }

    List<Token> tokens() {
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          at++;
        } else if (text.startsWith("--", at) || text.startsWith("/*", at)) {
          throw error("a comment");
        } else if (c == ';') {
          throw error("';' (a check is one expression, not several statements)");
        } else if (isAsciiLetter(c) || c == '_') {
          word();
        } else if (isAsciiDigit(c)) {
          number();
        } else if (c == '\'') {
          refuseRawString();
          string();
        } else if (c == '`') {
          quotedWord();
        } else {
          symbol();
        }
      }
      return tokens;
    }

    private void word() {
      int start = at;
      while (at < text.length() && (isAsciiLetter(text.charAt(at)) || isAsciiDigit(text.charAt(at))
          || text.charAt(at) == '_')) {
        at++;
      }
      add(Kind.WORD, start);
    }

    /** {@code r'...'}: Spark reads no escapes in it where this grammar would, so the two would disagree on its end. */
    private void refuseRawString() {
      Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
      if (previous != null && previous.kind() == Kind.WORD && previous.text().equalsIgnoreCase("r")
          && previous.position() == at) {
        at--;
        throw error("a raw string (r'...'); write an ordinary string");
      }
    }

    private static boolean isAsciiLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private void number() {
      int start = at;
      while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.')) {
        at++;
      }
      if (!text.substring(start, at).matches("\\d+(\\.\\d*)?([eE]\\d+)?[LlDdSsYy]?|\\d+(\\.\\d*)?BD")) {
        at = start;
        throw error("a malformed number");
      }
      add(Kind.NUMBER, start);
    }

    private void string() {
      int start = at++;
      while (at < text.length() && text.charAt(at) != '\'') {
        at += text.charAt(at) == '\\' ? 2 : 1;
      }
      if (at >= text.length()) {
        at = start;
        throw error("a string that is never closed");
      }
      at++;
      add(Kind.STRING, start);
    }

    private void quotedWord() {
      int start = at++;
      while (at < text.length() && text.charAt(at) != '`') {
        at++;
      }
      if (at >= text.length()) {
        at = start;
        throw error("a quoted name that is never closed");
      }
      String name = text.substring(start + 1, at++);
      Identifier.of(name);
      tokens.add(new Token(Kind.QUOTED_WORD, name, start + 1));
    }

    private void symbol() {
      for (String symbol : SYMBOLS) {
        if (text.startsWith(symbol, at)) {
          tokens.add(new Token(Kind.SYMBOL, symbol, at + 1));
          at += symbol.length();
          return;
        }
      }
      throw error(describe(text.codePointAt(at)));
    }

    private void add(Kind kind, int start) {
      tokens.add(new Token(kind, text.substring(start, at), start + 1));
    }

    private InvalidSqlExpressionException error(String what) {
      return new InvalidSqlExpressionException("unexpected " + what + " at character " + (at + 1));
    }

    private static String describe(int codePoint) {
      return codePoint < 32 || codePoint > 126
          ? String.format("character U+%04X", codePoint)
          : "character '" + new String(Character.toChars(codePoint)) + "'";
    }
  }
}
