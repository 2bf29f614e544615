package io.deltapromotion.registryservice.http;

import io.deltapromotion.registryservice.domain.HopStatus;
import io.deltapromotion.registryservice.domain.PendingApproval;
import io.deltapromotion.registryservice.domain.ReleaseView;
import io.deltapromotion.registryservice.domain.StageDrift;
import io.deltapromotion.registryservice.domain.StageHolding;
import io.deltapromotion.registryservice.domain.TableSummary;
import java.time.Instant;
import java.util.List;

/** The bodies the registry's API answers with; each says the instant it describes ({@code at}). */
final class Answers {

  private Answers() {}

  record Tables(Instant at, List<TableSummary> tables) {}

  record Table(Instant at, TableSummary table) {}

  record History(Instant at, String table, int page, int size, int total, List<HistoryEntry> entries) {}

  /** One table in the stage asked about; {@code holding} is null when it never reached the stage. */
  record InStage(String table, StageHolding holding) {}

  record Status(Instant at, String stage, List<InStage> tables) {}

  record Promotion(Instant at, String promotionId, List<HopStatus> hops) {}

  /** A pending approval, with how long it had waited at {@code at}, in seconds. */
  record Approval(String table, String stage, Long version, String promotionId, String release, String reason,
      Instant since, long waitedSeconds) {

    static Approval of(PendingApproval pending) {
      return new Approval(pending.table(), pending.stage(), pending.version(), pending.promotionId(), pending.release(),
          pending.reason(), pending.since(), pending.waited().toSeconds());
    }
  }

  record Approvals(Instant at, List<Approval> approvals) {}

  record Drift(Instant at, List<StageDrift> drift) {}

  record Releases(Instant at, List<ReleaseView> releases) {}

  record Release(Instant at, ReleaseView release) {}
}
