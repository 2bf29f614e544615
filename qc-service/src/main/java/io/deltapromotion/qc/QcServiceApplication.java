package io.deltapromotion.qc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the quality gates on the exact pinned table version and emits QcCompleted (PASS, WARN or FAIL with a report). */
@SpringBootApplication
public class QcServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(QcServiceApplication.class, args);
  }
}
