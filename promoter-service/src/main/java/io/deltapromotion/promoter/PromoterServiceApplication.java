package io.deltapromotion.promoter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The only writer to prod: promotes a table version with a shallow clone pinned to that version, tagged with lineage, and emits PromotionDone. */
@SpringBootApplication
public class PromoterServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PromoterServiceApplication.class, args);
  }
}
