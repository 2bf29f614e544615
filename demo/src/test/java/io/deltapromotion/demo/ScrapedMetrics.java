package io.deltapromotion.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Prometheus reads from services' {@code /actuator/prometheus}: its samples, summed as a query would. */
final class ScrapedMetrics {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private ScrapedMetrics(List<Sample> samples) {
    this.samples = samples;
  }

  /** Every sample of every endpoint, e.g. both instances of one service. */
  static ScrapedMetrics of(int... ports) throws Exception {
    List<Sample> samples = new ArrayList<>();
    for (int port : ports) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("port " + port + " answered " + response.statusCode() + " to a scrape");
      }
      Arrays.stream(response.body().split("\n")).filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(ScrapedMetrics::parse).forEach(samples::add);
    }
    return new ScrapedMetrics(samples);
  }

  private static Sample parse(String line) {
    Matcher sample = SAMPLE.matcher(line);
    if (!sample.matches()) {
      throw new IllegalStateException("not a sample line of Prometheus' text format: " + line);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (sample.group(2) != null) {
      Matcher label = LABEL.matcher(sample.group(2));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
    }
    return new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3)));
  }

  /** Whether any sample of that name carries those labels. */
  boolean has(String name, Map<String, String> labels) {
    return matching(name, labels).findAny().isPresent();
  }

  /** The sum of the samples of that name carrying those labels (and any others); 0 when there are none. */
  double sum(String name, Map<String, String> labels) {
    return matching(name, labels).mapToDouble(Sample::value).sum();
  }

  private java.util.stream.Stream<Sample> matching(String name, Map<String, String> labels) {
    return samples.stream().filter(sample -> sample.name().equals(name))
        .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()));
  }
}
