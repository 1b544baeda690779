package dev.crossfoot.parse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;

/** filing.yaml as written. */
record FilingSpec(
        @JsonProperty(value = "issuer") String issuer,
        @JsonProperty(value = "document") String document,
        @JsonProperty(value = "source") String source,
        @JsonProperty(value = "periods") List<String> periods,
        @JsonProperty(value = "markers") LinkedHashMap<String, MarkerYaml> markers,
        @JsonProperty(value = "tables") List<TableYaml> tables) {

    /** A declared marker: what it means, and optionally the range of amounts it stands for. */
    record MarkerYaml(
            @JsonProperty("meaning") String meaning,
            @JsonProperty("min") String min,
            @JsonProperty("max") String max,
            @JsonProperty("unit") String unit) {
    }

    /** One table: its id, CSV file, unit as printed and per-column / per-row unit overrides. */
    record TableYaml(
            @JsonProperty("id") String id,
            @JsonProperty("title") String title,
            @JsonProperty("file") String file,
            @JsonProperty("source") String source,
            @JsonProperty("unit") String unit,
            @JsonProperty("max_decimals") Integer maxDecimals,
            @JsonProperty("columns") LinkedHashMap<String, String> columns,
            @JsonProperty("rows") LinkedHashMap<String, String> rows) {
    }
}
