package io.encours.samples.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A company of the group (a creditor): the ids sort in a stable way and ENT-01, the French
 * parent, is the smallest.
 *
 * @param debtorShare share of the debtors it invoices
 * @param neighbours other euro-area countries its foreign customers come from
 */
public record GroupEntity(String id, String name, String country, double debtorShare,
        List<String> neighbours) {
    public GroupEntity {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(country, "country");
        neighbours = List.copyOf(neighbours);
    }

    public static final List<GroupEntity> ALL = List.of(
            new GroupEntity("ENT-01", "Hexagone Industrie SAS", "FR", 0.40,
                    List.of("DE", "IT", "BE", "LU")),
            new GroupEntity("ENT-02", "Hexagone Services SAS", "FR", 0.25,
                    List.of("DE", "IT", "BE", "ES")),
            new GroupEntity("ENT-03", "Hexagone Benelux SA", "BE", 0.20,
                    List.of("NL", "LU", "FR", "DE")),
            new GroupEntity("ENT-04", "Hexagone Ibérica S.L.", "ES", 0.15,
                    List.of("PT", "FR", "IT")));
}
