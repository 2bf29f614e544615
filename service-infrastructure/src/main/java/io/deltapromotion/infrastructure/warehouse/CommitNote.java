package io.deltapromotion.infrastructure.warehouse;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a promotion writes into the {@code userMetadata} of each commit it makes on a target, so the
 * table's own history says which promotion wrote it and why: {@code delta-promotion:<action>:<id>}. The
 * history alone then tells a clone written twice for one promotion, or a target emptied for a clone
 * that never came (open-source Delta empties a non-empty target first, in a commit of its own).
 *
 * @param action why the commit was made
 * @param id the promotion (or rollback, or repair) it belongs to: letters, digits, '-' and '_'
 */
public record CommitNote(Action action, String id) {

  private static final String PREFIX = "delta-promotion:";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final Pattern NOTE = Pattern.compile(Pattern.quote(PREFIX) + "([a-z-]+):(" + ID.pattern() + ")");

  /** Why a promotion wrote a commit. */
  public enum Action {
    /** The clone of a promotion up the ladder. */
    PROMOTE("promote"),
    /** Open-source Delta only: the target emptied so that the clone can be written onto it. */
    EMPTY_BEFORE_CLONE("empty-before-clone"),
    /** A rollback's re-clone of an earlier version. */
    ROLLBACK("rollback"),
    /** The clone health check's re-clone of a broken table. */
    REPAIR("repair"),
    /** A clone undone (restored or emptied back) because it failed or did not verify. */
    UNDO("undo");

    private final String text;

    Action(String text) {
      this.text = text;
    }

    static Optional<Action> of(String text) {
      for (Action action : values()) {
        if (action.text.equals(text)) {
          return Optional.of(action);
        }
      }
      return Optional.empty();
    }
  }

  public CommitNote {
    Objects.requireNonNull(action, "action");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a commit note's id is 1 to 100 letters, digits, '-' or '_': " + id);
    }
  }

  /** The note as it is written: only characters that need no quoting in a SET statement. */
  public String text() {
    return PREFIX + action.text + ":" + id;
  }

  /** The note in a commit's userMetadata; empty when the commit has none or it is not ours. */
  public static Optional<CommitNote> parse(String userMetadata) {
    if (userMetadata == null) {
      return Optional.empty();
    }
    Matcher matcher = NOTE.matcher(userMetadata.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Action.of(matcher.group(1)).map(action -> new CommitNote(action, matcher.group(2)));
  }

  @Override
  public String toString() {
    return text();
  }
}
