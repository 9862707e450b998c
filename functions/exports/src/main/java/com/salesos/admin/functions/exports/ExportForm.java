package com.salesos.admin.functions.exports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The JSON body of POST /v1/exports; a missing list arrives as null and means everything (the use case decides). */
@Serdeable
public record ExportForm(@Nullable List<String> entities) {
}
