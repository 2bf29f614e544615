package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What comes next for a promote order naming several tables (a release) whose tables are owned by
 * different promoters. Each table's part is prepared (its gates checked, its hop held for the order),
 * carried out and, when the order fails, undone by the table's owner; the coordinator, the owner of the
 * partition the order was written to, only orders each phase, from what the log tells of every part. A
 * pure function of that: the same log gives the same step, whichever instance asks and however often,
 * so a coordinator that crashed or lost the order's partition is continued by the next owner.
 *
 * <p>The order stays one unit: nothing is cloned unless every table may enter (PREPARE, then GO or
 * ABORT), and when a clone fails, every table the order cloned is restored (UNDO).
 */
public final class ReleaseCoordinator {

  private ReleaseCoordinator() {}

  /** Where one table of the order stands, as its owner's outcomes tell it. */
  public enum Part {
    /** Its owner has not answered the phase ordered last. */
    UNANSWERED,
    /** Its gates let it enter; its hop is held for the order. */
    READY,
    /** Its gates refused it: the order cannot be carried out. */
    REFUSED,
    PROMOTED,
    /** The stage held the version already: nothing was cloned, nothing is undone. */
    UNCHANGED,
    FAILED,
    /** Cloned, then restored because another table of the order failed. */
    ROLLED_BACK,
    /** Held, then released unchanged because another table was refused. */
    NOT_CARRIED_OUT;

    /**
     * The part a table's newest outcome of the order tells, given the phases ordered to it (a final BLOCKED
     * answers an abort, or refuses a preparation).
     */
    static Part of(RecordedOutcome answer, Set<Phase> ordered) {
      if (!answer.isFinal()) {
        return answer.waitingFor() instanceof Wait.Release ? READY : UNANSWERED;
      }
      return switch (answer.status()) {
        case PROMOTED -> PROMOTED;
        case SKIPPED -> UNCHANGED;
        case FAILED -> FAILED;
        case ROLLED_BACK -> ROLLED_BACK;
        case BLOCKED -> ordered.contains(Phase.ABORT) ? NOT_CARRIED_OUT : REFUSED;
      };
    }
  }

  /** What the coordinator orders the tables' owners. */
  public enum Phase { PREPARE, GO, ABORT, UNDO }

  /**
   * The order as the log tells it.
   *
   * @param tables the order's tables
   * @param parts where each table stands (a table missing is {@link Part#UNANSWERED})
   * @param ordered the phases the coordinator ordered already
   */
  public record State(List<TableName> tables, Map<TableName, Part> parts, Set<Phase> ordered) {

    public State {
      tables = List.copyOf(tables);
      parts = Map.copyOf(parts);
      ordered = ordered.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(ordered);
      if (tables.isEmpty()) {
        throw new IllegalArgumentException("an order names at least one table");
      }
      if (!tables.containsAll(parts.keySet())) {
        throw new IllegalArgumentException("parts " + parts.keySet() + " name tables outside the order " + tables);
      }
    }

    Part of(TableName table) {
      return parts.getOrDefault(table, Part.UNANSWERED);
    }

    List<TableName> in(Part part) {
      return tables.stream().filter(table -> of(table) == part).toList();
    }
  }

  /** The next step. */
  public sealed interface Step {

    /** Nothing to order until more owners answered. */
    record Await() implements Step {}

    /** Order the phase to these tables' owners. */
    record Order(Phase phase, List<TableName> tables) implements Step {

      public Order {
        Objects.requireNonNull(phase, "phase");
        tables = List.copyOf(tables);
      }
    }

    /** The order is over: nothing more will be ordered. */
    record Over() implements Step {}
  }

  public static Step next(State state) {
    if (!state.ordered().contains(Phase.PREPARE)) {
      return new Step.Order(Phase.PREPARE, state.tables());
    }
    if (state.ordered().contains(Phase.ABORT)) {
      return new Step.Over();
    }
    if (!state.ordered().contains(Phase.GO)) {
      return afterPrepare(state);
    }
    if (!state.in(Part.READY).isEmpty() || !state.in(Part.UNANSWERED).isEmpty()) {
      return new Step.Await();
    }
    if (!state.in(Part.FAILED).isEmpty() && !state.ordered().contains(Phase.UNDO) && !state.in(Part.PROMOTED).isEmpty()) {
      return new Step.Order(Phase.UNDO, state.in(Part.PROMOTED));
    }
    return new Step.Over();
  }

  /**
   * Whether the order is over: nothing more will be ordered, and every table answered what was ordered
   * last (a table whose clone is to be undone has been).
   */
  public static boolean isOver(State state) {
    return next(state) instanceof Step.Over && state.in(Part.READY).isEmpty() && state.in(Part.UNANSWERED).isEmpty()
        && !(state.ordered().contains(Phase.UNDO) && !state.in(Part.PROMOTED).isEmpty());
  }

  /**
   * Whether the order still holds the table: its ladder decides nothing of it meanwhile, so nothing moves
   * the table but the order (a version cloned by the order is not carried on while it may yet be undone).
   */
  public static boolean holds(State state, TableName table) {
    Part part = state.of(table);
    return (part == Part.UNANSWERED || part == Part.READY || part == Part.PROMOTED) && !isOver(state);
  }

  /**
   * One refusal aborts the order at once, for every table not refused: the ones held for it, and the ones
   * whose owners have not answered yet (an owner reads the abort after the preparation, both keyed by the
   * table, so it releases what it was about to hold).
   */
  private static Step afterPrepare(State state) {
    if (!state.in(Part.REFUSED).isEmpty()) {
      List<TableName> notRefused = state.tables().stream().filter(table -> state.of(table) != Part.REFUSED).toList();
      return notRefused.isEmpty() ? new Step.Over() : new Step.Order(Phase.ABORT, notRefused);
    }
    if (!state.in(Part.UNANSWERED).isEmpty()) {
      return new Step.Await();
    }
    return new Step.Order(Phase.GO, state.tables());
  }
}
