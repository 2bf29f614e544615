package io.deltapromotion.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Alerts people (Slack, webhooks, email) on failures, promotions and rollbacks. */
@SpringBootApplication
public class NotifierServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(NotifierServiceApplication.class, args);
  }
}
