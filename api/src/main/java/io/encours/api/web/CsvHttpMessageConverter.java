package io.encours.api.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders any {@link Stamped} response record as CSV ({@code Accept: text/csv}): the rows are
 * the elements of its {@link CsvRows} component, else {@code rows}, else {@code points}.
 *
 * <ul>
 *   <li>RFC 4180: comma separator, double-quote quoting, CRLF line ends, UTF-8 (no BOM).</li>
 *   <li>Header row: the JSON field names of a row, in JSON order (the row record's components),
 *       written even when there is no row.</li>
 *   <li>Cells: each row is first turned into JSON with the application's mapper, so values are
 *       exactly the JSON ones (rounded amounts, ISO dates); numbers in plain notation, null →
 *       empty cell, an array of plain values → its values joined with {@code |}, an object or an
 *       array of objects → its compact JSON.</li>
 *   <li>A text cell starting with {@code = + - @} is prefixed with {@code '} so that a
 *       spreadsheet does not run it as a formula.</li>
 *   <li>The envelope's own fields become headers: {@code Encours-Run-Id},
 *       {@code Encours-Snapshot-Date}, and for a paged list ({@link Paged}) {@code Encours-Total}, {@code Encours-Page},
 *       {@code Encours-Size}.</li>
 * </ul>
 */
public final class CsvHttpMessageConverter extends AbstractSmartHttpMessageConverter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String ARRAY_SEPARATOR = "|";

    private final JsonMapper mapper;

    public CsvHttpMessageConverter(JsonMapper mapper) {
        super(TEXT_CSV);
        setDefaultCharset(StandardCharsets.UTF_8);
        this.mapper = mapper;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return Stamped.class.isAssignableFrom(clazz) && clazz.isRecord() && rowsComponent(clazz) != null;
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return supports(valueClass) && canWrite(mediaType);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage inputMessage, Map<String, Object> hints)
            throws HttpMessageNotReadableException {
        throw new HttpMessageNotReadableException("CSV input is not supported", inputMessage);
    }

    @Override
    protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage output,
            Map<String, Object> hints) throws IOException, HttpMessageNotWritableException {
        Stamped stamped = (Stamped) value;
        output.getHeaders().set("Encours-Run-Id", stamped.runId());
        output.getHeaders().set("Encours-Snapshot-Date", String.valueOf(stamped.snapshotDate()));
        if (value instanceof Paged list) {
            output.getHeaders().set("Encours-Total", Long.toString(list.total()));
            output.getHeaders().set("Encours-Page", Integer.toString(list.page()));
            output.getHeaders().set("Encours-Size", Integer.toString(list.size()));
        }
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        write(value, type, writer);
        writer.flush();
    }

    /** Writes {@code value}'s rows as CSV; {@code type} (may be null) resolves the row type of an empty list. */
    public void write(Object value, ResolvableType type, Writer out) throws IOException {
        RecordComponent component = rowsComponent(value.getClass());
        if (component == null) {
            throw new HttpMessageNotWritableException("no rows in " + value.getClass().getSimpleName());
        }
        List<?> rows = rowsOf(value, component);
        List<JsonNode> nodes = new ArrayList<>(rows.size());
        for (Object row : rows) {
            nodes.add(mapper.valueToTree(row));
        }
        List<String> columns = columns(value, type, component, rows, nodes);
        writeLine(out, columns);
        List<String> cells = new ArrayList<>(columns.size());
        for (JsonNode node : nodes) {
            cells.clear();
            for (String column : columns) {
                cells.add(cell(node.isObject() ? node.get(column) : node));
            }
            writeLine(out, cells);
        }
    }

    private static List<?> rowsOf(Object value, RecordComponent component) {
        try {
            Object rows = component.getAccessor().invoke(value);
            if (rows == null) {
                return List.of();
            }
            if (rows instanceof Collection<?> c) {
                return new ArrayList<>(c);
            }
            if (rows instanceof Object[] a) {
                return List.of(a);
            }
            throw new HttpMessageNotWritableException(component.getName() + " is not a list");
        } catch (ReflectiveOperationException e) {
            throw new HttpMessageNotWritableException("cannot read " + component.getName(), e);
        }
    }

    private List<String> columns(Object value, ResolvableType type, RecordComponent component, List<?> rows,
            List<JsonNode> nodes) {
        Class<?> rowClass = rowClass(value, type, component);
        if (rowClass == null && !rows.isEmpty()) {
            rowClass = rows.get(0).getClass();
        }
        if (rowClass != null && rowClass.isRecord()) {
            List<String> names = new ArrayList<>();
            for (RecordComponent c : rowClass.getRecordComponents()) {
                if (!c.isAnnotationPresent(JsonIgnore.class)) {
                    names.add(jsonName(c));
                }
            }
            return names;
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode node : nodes) {
            if (node.isObject()) {
                names.addAll(node.propertyNames());
            } else {
                names.add("value");
            }
        }
        return new ArrayList<>(names);
    }

    private static String jsonName(RecordComponent c) {
        // @JsonProperty has no RECORD_COMPONENT target: Java puts it on the accessor (and field).
        com.fasterxml.jackson.annotation.JsonProperty p =
                c.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        if (p == null) {
            p = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        }
        return p != null && !p.value().isEmpty() ? p.value() : c.getName();
    }

    private static Class<?> rowClass(Object value, ResolvableType type, RecordComponent component) {
        try {
            Field field = value.getClass().getDeclaredField(component.getName());
            ResolvableType owner = type != null && type.resolve() == value.getClass() ? type
                    : ResolvableType.forClass(value.getClass());
            ResolvableType rowsType = ResolvableType.forField(field, owner);
            Class<?> resolved = rowsType.isArray() ? rowsType.getComponentType().resolve()
                    : rowsType.asCollection().getGeneric(0).resolve();
            return resolved == null || resolved == Object.class ? null : resolved;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    static RecordComponent rowsComponent(Class<?> clazz) {
        RecordComponent[] components = clazz.getRecordComponents();
        if (components == null) {
            return null;
        }
        for (RecordComponent c : components) {
            if (c.isAnnotationPresent(CsvRows.class)) {
                return c;
            }
        }
        for (String name : List.of("rows", "points")) {
            for (RecordComponent c : components) {
                if (c.getName().equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    static String cell(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isBoolean()) {
            return Boolean.toString(node.booleanValue());
        }
        if (node.isString()) {
            return guardFormula(node.stringValue());
        }
        if (node.isArray()) {
            boolean plain = true;
            for (JsonNode element : node.values()) {
                plain &= element.isValueNode();
            }
            if (plain) {
                List<String> parts = new ArrayList<>();
                for (JsonNode element : node.values()) {
                    parts.add(element.isNull() ? "" : element.isNumber() ? element.decimalValue().toPlainString()
                            : element.asString());
                }
                return guardFormula(String.join(ARRAY_SEPARATOR, parts));
            }
        }
        return node.toString();
    }

    private static String guardFormula(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static void writeLine(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
