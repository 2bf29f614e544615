package io.deltapromotion.registryservice.http;

import io.deltapromotion.registryservice.domain.HopStatus;
import io.deltapromotion.registryservice.domain.Incident;
import io.deltapromotion.registryservice.domain.PendingApproval;
import io.deltapromotion.registryservice.domain.QcReport;
import io.deltapromotion.registryservice.domain.ReleaseView;
import io.deltapromotion.registryservice.domain.StageDrift;
import io.deltapromotion.registryservice.domain.StageHolding;
import io.deltapromotion.registryservice.domain.StageOutcome;
import io.deltapromotion.registryservice.domain.TableSummary;
import java.time.Instant;
import java.util.List;

/** The bodies the registry's API answers with; each says the instant it describes ({@code at}). */
final class Answers {

  private Answers() {}

  /**
   * Where a table stands in one stage.
   *
   * @param version the pre-prod version the stage holds; null for none
   * @param since when it came to hold it; null when only seen held
   * @param status the status of the newest hop into the stage, {@code statusAt} when it was decided,
   *     {@code statusVersion} the version it is about
   * @param waitingFor what that hop still waits for; null when it is over
   */
  record Stage(String stage, Long version, Instant since, String status, Instant statusAt, Long statusVersion,
      String promotionId, StageOutcome.Wait waitingFor, String release, String actor, String error) {

    static Stage of(StageHolding holding) {
      StageOutcome latest = holding.latest();
      return new Stage(holding.stage(), holding.version(), holding.since(), latest.status(), latest.at(), latest.version(),
          latest.promotionId(), holding.waiting(), latest.release(), latest.actor(), latest.error());
    }
  }

  /**
   * A table at a glance: its newest pre-prod version, the table and stage it was announced for, that
   * version's QC verdict, each stage it reached.
   */
  record Table(String table, Long preprodVersion, String category, String targetTable, String targetStage, String release,
      String verdict, List<Stage> stages) {

    static Table of(TableSummary summary) {
      return new Table(summary.table(), summary.preprodVersion(), summary.category(), summary.targetTable(),
          summary.targetStage(), summary.release(), summary.verdict(), summary.stages().stream().map(Stage::of).toList());
    }
  }

  record Tables(Instant at, List<Table> tables) {}

  record OneTable(Instant at, Table table) {}

  record History(Instant at, String table, int page, int size, int total, List<HistoryEntry> entries) {}

  /** One table in the stage asked about; {@code holding} is null when it never reached the stage. */
  record InStage(String table, Stage holding) {}

  record Status(Instant at, String stage, List<InStage> tables) {}

  /** The newest outcome of one hop of a promotion. */
  record Hop(String table, String stage, String status, Long version, Instant at, StageOutcome.Wait waitingFor,
      String release, String actor, String error) {

    static Hop of(HopStatus hop) {
      StageOutcome latest = hop.latest();
      return new Hop(hop.table(), hop.stage(), latest.status(), latest.version(), latest.at(), latest.waiting(),
          latest.release(), latest.actor(), latest.error());
    }
  }

  record Promotion(Instant at, String promotionId, List<Hop> hops) {}

  /** A pending approval, with how long it had waited at {@code at}, in seconds. */
  record Approval(String table, String stage, Long version, String promotionId, String release, String reason,
      Instant since, long waitedSeconds) {

    static Approval of(PendingApproval pending) {
      return new Approval(pending.table(), pending.stage(), pending.version(), pending.promotionId(), pending.release(),
          pending.reason(), pending.since(), pending.waited().toSeconds());
    }
  }

  record Approvals(Instant at, List<Approval> approvals) {}

  /** A hop that ended badly, with the checks of its version that did not pass. */
  record IncidentView(String table, String stage, String status, Long version, Instant at, String promotionId,
      String actor, String error, List<QcReport.Check> failingChecks) {

    static IncidentView of(Incident incident) {
      StageOutcome outcome = incident.outcome();
      return new IncidentView(outcome.table(), outcome.stage(), outcome.status(), outcome.version(), outcome.at(),
          outcome.promotionId(), outcome.actor(), outcome.error(), incident.failingChecks());
    }
  }

  record Incidents(Instant at, List<IncidentView> incidents) {}

  record Drift(Instant at, List<StageDrift> drift) {}

  record Release(String release, List<Table> tables) {

    static Release of(ReleaseView release) {
      return new Release(release.release(), release.tables().stream().map(Table::of).toList());
    }
  }

  record Releases(Instant at, List<Release> releases) {}

  record OneRelease(Instant at, Release release) {}
}
