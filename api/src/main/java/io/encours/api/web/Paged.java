package io.encours.api.web;

/**
 * A paged list envelope ({@code total}, {@code page}, {@code size}): {@link ListResponse} and the
 * list records with extra top-level fields (e.g. a worklist with its {@code legal[]}). As CSV,
 * these go to the {@code Encours-Total}, {@code Encours-Page}, {@code Encours-Size} headers.
 */
public interface Paged extends Stamped {

    long total();

    int page();

    int size();
}
