package io.deltapromotion.promoter.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What each operator may do, per action and stage: {@code approve:live} lets its holder approve or
 * reject versions entering live, {@code rollback:*} roll back any stage. An operator without grants of
 * their own may do everything (the intake's tokens alone decide); one with grants only what they name.
 */
public final class OperatorGrants {

  /** The commands an operator can be granted, each per stage. */
  public enum Action {
    /** Approve or reject a version entering the stage. */
    APPROVE,
    /** Order a version (or a release) into the stage. */
    PROMOTE,
    /** Roll the stage's table back. */
    ROLLBACK,
    /** Rebaseline tables into the ladder's first stage. */
    REBASELINE;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One grant, written {@code action:stage} with {@code *} for every stage.
   *
   * @param stage the stage's name, or null for every stage
   */
  public record Grant(Action action, String stage) {

    public Grant {
      Objects.requireNonNull(action, "action");
    }

    /**
     * Parses {@code approve:live} or {@code rollback:*}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Grant parse(String text) {
      String[] parts = text == null ? new String[0] : text.strip().split(":", -1);
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new IllegalArgumentException("a grant is action:stage (e.g. approve:live or rollback:*), not '" + text + "'");
      }
      Action action;
      try {
        action = Action.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown action '" + parts[0] + "' in grant '" + text + "': approve, promote, "
            + "rollback or rebaseline");
      }
      return new Grant(action, parts[1].strip().equals("*") ? null : parts[1].strip());
    }

    boolean covers(Action wanted, String wantedStage) {
      return action == wanted && (stage == null || stage.equals(wantedStage));
    }

    @Override
    public String toString() {
      return action.word() + ":" + (stage == null ? "*" : stage);
    }
  }

  private final Map<String, List<Grant>> grantsByOperator;

  /** @param grantsByOperator each operator's grants; an operator absent or with none may do everything */
  public OperatorGrants(Map<String, List<Grant>> grantsByOperator) {
    this.grantsByOperator = Map.copyOf(grantsByOperator);
  }

  /**
   * @throws OperatorNotAllowedException when the operator's grants do not cover the action in the stage
   */
  public void require(String operator, Action action, String stage) {
    List<Grant> grants = Optional.ofNullable(grantsByOperator.get(operator)).orElse(List.of());
    if (!grants.isEmpty() && grants.stream().noneMatch(grant -> grant.covers(action, stage))) {
      throw new OperatorNotAllowedException(operator + " may not " + action.word() + " in " + stage + " (their grants: "
          + grants + ")");
    }
  }
}
