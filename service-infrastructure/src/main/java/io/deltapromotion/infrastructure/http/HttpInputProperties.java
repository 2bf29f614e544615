package io.deltapromotion.infrastructure.http;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the services' HTTP endpoints accept ({@code deltapromotion.http.*}).
 *
 * @param maxBodySize the longest request body (default 64KB; every body of ours is JSON of a few hundred
 *     bytes); longer ones are refused with 413 before they are read
 */
@Validated
@ConfigurationProperties("deltapromotion.http")
public record HttpInputProperties(@NotNull @DefaultValue("64KB") DataSize maxBodySize) {}
