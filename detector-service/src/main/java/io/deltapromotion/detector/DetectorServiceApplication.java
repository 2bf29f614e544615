package io.deltapromotion.detector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Finds new versions of pre-prod Delta tables (polling Delta history, or told by upstream pipelines), classifies them against the target and emits TableChanged. */
@SpringBootApplication
public class DetectorServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(DetectorServiceApplication.class, args);
  }
}
