package io.deltapromotion.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupFailureTest {

  @Test
  void givenALogEndingInStackFramesWhenExplainedThenTheExceptionAndItsRootCauseComeFirst() {
    String log = """
        2026-11-27T10:00:01 INFO  Starting PromoterServiceApplication
        2026-11-27T10:00:09 WARN  Exception encountered during context initialization
        2026-11-27T10:00:09 ERROR Application run failed
        org.springframework.context.ApplicationContextException: Failed to start bean 'ladderSchedule'
        \tat org.springframework.context.support.DefaultLifecycleProcessor.doStart(DefaultLifecycleProcessor.java:405)
        Caused by: java.lang.IllegalStateException: replay of [delta-promotion.qc-completed] did not finish within 600 s
        \tat io.deltapromotion.infrastructure.kafka.TopicReplayer.replay(TopicReplayer.java:80)
        Caused by: org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata
        \t... 21 common frames omitted
        """;

    assertThat(StartupFailure.explain(log)).containsExactly(
        "org.springframework.context.ApplicationContextException: Failed to start bean 'ladderSchedule'",
        "Caused by: java.lang.IllegalStateException: replay of [delta-promotion.qc-completed] did not finish within 600 s",
        "Caused by: org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata");
  }

  @Test
  void givenSpringBootsFailureAnalysisWhenExplainedThenItsDescriptionAndActionAreTheExplanation() {
    String log = """
        ***************************
        APPLICATION FAILED TO START
        ***************************

        Description:

        Binding to target deltapromotion.promoter failed: stages must not be empty

        Action:

        Update your application's configuration
        """;

    assertThat(StartupFailure.explain(log)).containsExactly("Description:",
        "Binding to target deltapromotion.promoter failed: stages must not be empty", "Action:",
        "Update your application's configuration");
  }

  @Test
  void givenALogThatSaysNothingWhenExplainedThenThereIsNoExplanation() {
    assertThat(StartupFailure.explain("starting\nKilled\n")).isEmpty();
  }
}
