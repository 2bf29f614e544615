package io.deltapromotion.registryservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Which version of every table is in every stage, with its history and QC reports, now and at any past
 * instant: read-only, rebuilt from the promotion log at start, then following it.
 */
@SpringBootApplication
public class RegistryServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(RegistryServiceApplication.class, args);
  }
}
