package io.deltapromotion.promoter.domain;

import java.time.Instant;
import java.util.Objects;

/** What a hop that is not over waits for. Published typed (for programs) and described (for people). */
public sealed interface Wait {

  /** The words a PromotionDone's {@code awaiting} carries for people. */
  String description();

  /** A person must approve the version into the stage. */
  record Approval(String reason) implements Wait {

    public Approval {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String description() {
      return "approval (" + reason + ")";
    }
  }

  /** The version must stay in the stage before until {@code until}. */
  record Soak(String stage, Instant until) implements Wait {

    public Soak {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(until, "until");
    }

    @Override
    public String description() {
      return "soak time in " + stage + " until " + until;
    }
  }

  /**
   * The hop is one table of a release being promoted as one unit: its gates hold, and it is cloned once
   * every table of the release may enter (or ends unchanged when one may not). The release's, not the
   * table's ladder's: only the release's own orders decide it.
   */
  record Release(String tag) implements Wait {

    public Release {
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String description() {
      return "release " + tag + ": this table may enter; it is cloned once every table of the release may";
    }
  }

  /** The table is in a release being promoted as one unit: the hop is decided once that release is over. */
  record BehindRelease(String tag) implements Wait {

    public BehindRelease {
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String description() {
      return "release " + tag + ", which holds the table, to be over";
    }
  }

  /**
   * A wait published before waits were typed: only its words are known, and nothing is read out of them.
   * The hop is decided again from the facts (its QC report, the decisions, the ladder, the clock).
   */
  record Untyped(String description) implements Wait {

    public Untyped {
      Objects.requireNonNull(description, "description");
    }
  }
}
