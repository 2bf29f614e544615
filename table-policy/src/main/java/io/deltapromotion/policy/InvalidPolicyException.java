package io.deltapromotion.policy;

import java.util.List;
import java.util.stream.Collectors;

/** The policy file is not valid; the message lists every error with its line and field. */
public class InvalidPolicyException extends RuntimeException {

  private final List<PolicyError> errors;

  public InvalidPolicyException(String source, List<PolicyError> errors) {
    super("the table policy " + source + " is invalid (" + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
        + "):\n" + errors.stream().map(error -> "  " + source + ":" + error).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<PolicyError> errors() {
    return errors;
  }

  /**
   * One error.
   *
   * @param line 1-based line in the file
   * @param field where in the file, e.g. {@code tables[2].checks[0].condition}
   */
  public record PolicyError(int line, String field, String message) {
    @Override
    public String toString() {
      return line + ": " + field + ": " + message;
    }
  }
}
