package io.encours.api.web.params;

import io.encours.api.web.error.BadParameterException;

/**
 * Paging of a list endpoint: {@code page} from 0, {@code size} 1..1000 (default 50). Declare
 * {@code @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size}
 * and call {@link #of(int, int)}.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    public static PageRequest of(int page, int size) {
        if (page < 0) {
            throw new BadParameterException("page", "page must be 0 or more (pages count from 0), got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameterException("size", "size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new BadParameterException("page", "page " + page + " is too far for size " + size);
        }
        return new PageRequest(page, size);
    }

    public static PageRequest firstPage() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
