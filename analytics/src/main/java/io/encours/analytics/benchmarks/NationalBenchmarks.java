package io.encours.analytics.benchmarks;

import io.encours.analytics.cube.Dec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The reference table of published national figures shipped with the project: classpath
 * resource {@value #RESOURCE} (NATIONAL-BENCHMARKS.md), one row per published figure.
 */
public final class NationalBenchmarks {
    /** The classpath resource holding the figures. */
    public static final String RESOURCE = "/benchmarks/national-benchmarks.csv";
    static final List<String> HEADER = List.of("family", "period", "scope_type", "scope", "comparable_segment",
            "value_days", "source", "definition", "note");

    private NationalBenchmarks() {
    }

    /** The figures of the shipped resource. */
    public static List<NationalFigure> load() {
        try (InputStream in = NationalBenchmarks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Figures of a CSV in the resource's layout (RFC 4180 quoting, UTF-8, header first). */
    public static List<NationalFigure> parse(InputStream csv) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !split(header).equals(HEADER)) {
            throw new IllegalArgumentException("national benchmarks header must be " + String.join(",", HEADER));
        }
        List<NationalFigure> figures = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            if (f.size() != HEADER.size()) {
                throw new IllegalArgumentException("national benchmarks line " + number + ": " + f.size()
                        + " fields, expected " + HEADER.size());
            }
            figures.add(new NationalFigure(f.get(0), f.get(1), NationalFigure.granularityOf(f.get(1)), f.get(2),
                    f.get(3), blankToNull(f.get(4)), new BigDecimal(f.get(5)), f.get(6), f.get(7),
                    blankToNull(f.get(8))));
        }
        return figures;
    }

    /**
     * Table {@code fin_national_benchmarks}: the figures as rows ({@code family, granularity,
     * period, period_start, period_end, scope_type, scope, comparable_segment, value_days,
     * source, definition, note}).
     */
    public static Dataset<Row> table(SparkSession spark, List<NationalFigure> figures) {
        List<Row> rows = figures.stream().map(f -> RowFactory.create(f.family(), f.granularity().apiName(),
                f.period(), Date.valueOf(f.periodStart()), Date.valueOf(f.periodEnd()), f.scopeType(), f.scope(),
                f.comparableSegment(), f.valueDays(), f.source(), f.definition(), f.note())).toList();
        return spark.createDataFrame(rows, schema());
    }

    static StructType schema() {
        return new StructType()
                .add("family", DataTypes.StringType, false)
                .add("granularity", DataTypes.StringType, false)
                .add("period", DataTypes.StringType, false)
                .add("period_start", DataTypes.DateType, false)
                .add("period_end", DataTypes.DateType, false)
                .add("scope_type", DataTypes.StringType, false)
                .add("scope", DataTypes.StringType, false)
                .add("comparable_segment", DataTypes.StringType, true)
                .add("value_days", Dec.RATIO, false)
                .add("source", DataTypes.StringType, false)
                .add("definition", DataTypes.StringType, false)
                .add("note", DataTypes.StringType, true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Splits one CSV line (quoted fields may hold commas and doubled quotes; no newlines). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in: " + line);
        }
        fields.add(field.toString());
        return fields;
    }
}
