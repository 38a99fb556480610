package io.encours.samples.ledger;

import java.util.SplittableRandom;

/**
 * Realistic-looking company and person names from small built-in lists (no external data):
 * French for France, with Belgian, Spanish, British, American and Swiss variants for the
 * debtors of those countries.
 */
final class Names {
    private static final String[] FR_SURNAMES = {"Martin", "Bernard", "Dubois", "Thomas",
        "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre",
        "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
        "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
        "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
        "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
        "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire",
        "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier",
        "Jean", "Perez", "Marchand", "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas",
        "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre", "Renard", "Arnaud",
        "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud",
        "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis"};
    private static final String[] FR_FIRST_NAMES = {"Camille", "Léa", "Manon", "Chloé", "Inès",
        "Sarah", "Julie", "Émilie", "Claire", "Sophie", "Nathalie", "Isabelle", "Céline", "Aurélie",
        "Hélène", "Lucas", "Hugo", "Louis", "Thomas", "Nicolas", "Julien", "Maxime", "Antoine",
        "Pierre", "Alexandre", "Mathieu", "Olivier", "Laurent", "Stéphane", "Karim", "Yasmine",
        "Mehdi", "Fatima", "Sébastien", "Vincent", "Élodie", "Marion", "Pauline", "Romain",
        "Guillaume"};
    private static final String[] FR_TRADES = {"Boulangerie", "Transports", "Garage",
        "Menuiserie", "Plomberie", "Pharmacie", "Imprimerie", "Cabinet", "Électricité",
        "Maçonnerie", "Restaurant", "Boucherie", "Hôtel", "Agence", "Atelier", "Charpente",
        "Peinture", "Couverture", "Paysages", "Informatique", "Conseil", "Nettoyage",
        "Carrosserie", "Fromagerie", "Librairie", "Optique", "Traiteur", "Serrurerie"};
    private static final String[] FR_SME_WORDS = {"Industries", "Distribution", "Logistique",
        "Services", "Équipements", "Technologies", "Ingénierie", "Bâtiment", "Emballages",
        "Métallerie", "Automatismes", "Négoce", "Matériaux", "Froid", "Énergies", "Systèmes"};
    private static final String[] FR_TOWNS = {"Lyon", "Marseille", "Toulouse", "Nantes",
        "Bordeaux", "Lille", "Rennes", "Reims", "Grenoble", "Dijon", "Angers", "Nîmes",
        "Clermont-Ferrand", "Le Mans", "Tours", "Amiens", "Limoges", "Metz", "Besançon", "Orléans",
        "Rouen", "Caen", "Nancy", "Avignon", "Poitiers", "Pau", "La Rochelle", "Annecy", "Brest",
        "Montpellier", "Strasbourg", "Valence", "Chambéry", "Troyes", "Niort", "Colmar"};
    private static final String[] FR_PUBLIC = {"Mairie de %s", "Centre hospitalier de %s",
        "Communauté d'agglomération de %s", "Université de %s", "Lycée professionnel de %s",
        "CCAS de %s", "Office public de l'habitat de %s", "Syndicat des eaux de %s"};
    private static final String[] FR_KEY = {"Groupe %s", "%s Industries", "%s Distribution",
        "Compagnie %s", "%s & Associés", "Holding %s"};
    private static final String[] FR_FORMS_SMALL = {"SARL", "SAS", "EURL", "SASU", "SNC"};
    private static final String[] FR_FORMS_LARGE = {"SA", "SAS", "SCA"};

    private static final String[] BE_SURNAMES = {"Peeters", "Janssens", "Maes", "Jacobs",
        "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert",
        "Dupont", "Lejeune", "Renard", "Vandenberghe", "Hermans", "Leclercq", "Michiels", "Desmet"};
    private static final String[] BE_TOWNS = {"Bruxelles", "Liège", "Namur", "Charleroi", "Mons",
        "Gand", "Anvers", "Louvain", "Bruges", "Wavre", "Arlon", "Tournai"};
    private static final String[] BE_FORMS = {"SRL", "SA", "BV", "NV", "SC"};
    private static final String[] BE_PUBLIC = {"Commune de %s", "CPAS de %s", "Ville de %s",
        "Intercommunale de %s"};

    private static final String[] ES_SURNAMES = {"García", "Fernández", "González", "Rodríguez",
        "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández",
        "Díaz", "Moreno", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez"};
    private static final String[] ES_TOWNS = {"Madrid", "Barcelona", "Valencia", "Sevilla",
        "Zaragoza", "Málaga", "Bilbao", "Alicante", "Valladolid", "Vigo", "Granada", "Murcia"};
    private static final String[] ES_TRADES = {"Transportes", "Construcciones", "Distribuciones",
        "Talleres", "Suministros", "Instalaciones", "Comercial", "Servicios"};
    private static final String[] ES_FORMS = {"S.L.", "S.A.", "S.L.U."};
    private static final String[] ES_PUBLIC = {"Ayuntamiento de %s", "Hospital Universitario de %s",
        "Diputación de %s", "Universidad de %s"};

    private static final String[] EN_SURNAMES = {"Smith", "Jones", "Taylor", "Brown", "Wilson",
        "Evans", "Johnson", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Green",
        "Hall", "Clarke", "Jackson", "Wood", "Harris", "Turner"};
    private static final String[] EN_WORDS = {"Trading", "Logistics", "Engineering",
        "Supplies", "Holdings", "Solutions", "Components", "Foods", "Systems", "Partners"};
    private static final String[] CH_SURNAMES = {"Müller", "Meier", "Schmid", "Keller", "Weber",
        "Huber", "Schneider", "Favre", "Rochat", "Bonvin", "Moser", "Baumann"};
    private static final String[] DE_SURNAMES = {"Schulz", "Becker", "Hoffmann", "Wagner",
        "Fischer", "Koch", "Richter", "Klein", "Wolf", "Neumann"};
    private static final String[] IT_SURNAMES = {"Rossi", "Russo", "Ferrari", "Esposito",
        "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"};
    private static final String[] NL_SURNAMES = {"de Jong", "Jansen", "de Vries", "van Dijk",
        "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"};

    private Names() {
    }

    /** A debtor's company name, in the style of its country. */
    static String company(SplittableRandom rng, String country, Segment segment) {
        return switch (country) {
            case "BE" -> belgian(rng, segment);
            case "ES" -> spanish(rng, segment);
            case "GB" -> Pick.one(rng, EN_SURNAMES) + " " + Pick.one(rng, EN_WORDS)
                    + (segment == Segment.KEY_ACCOUNT ? " plc" : " Ltd");
            case "US" -> Pick.one(rng, EN_SURNAMES) + " " + Pick.one(rng, EN_WORDS)
                    + (segment == Segment.KEY_ACCOUNT ? " Corp." : " Inc.");
            case "CH" -> Pick.one(rng, CH_SURNAMES) + " " + Pick.one(rng, FR_SME_WORDS)
                    + (rng.nextBoolean() ? " AG" : " SA");
            case "DE" -> Pick.one(rng, DE_SURNAMES) + " " + Pick.one(rng, FR_SME_WORDS) + " GmbH";
            case "IT" -> Pick.one(rng, IT_SURNAMES) + " " + Pick.one(rng, FR_SME_WORDS) + " S.r.l.";
            case "NL" -> Pick.one(rng, NL_SURNAMES) + " " + Pick.one(rng, EN_WORDS) + " B.V.";
            case "LU", "PT" -> Pick.one(rng, FR_SURNAMES) + " " + Pick.one(rng, FR_SME_WORDS)
                    + " S.A.";
            default -> french(rng, segment);
        };
    }

    private static String french(SplittableRandom rng, Segment segment) {
        return switch (segment) {
            case PUBLIC -> String.format(Pick.one(rng, FR_PUBLIC), Pick.one(rng, FR_TOWNS));
            case KEY_ACCOUNT -> String.format(Pick.one(rng, FR_KEY), Pick.one(rng, FR_SURNAMES))
                    + " " + Pick.one(rng, FR_FORMS_LARGE);
            case SME -> Pick.one(rng, FR_SURNAMES) + " " + Pick.one(rng, FR_SME_WORDS) + " "
                    + Pick.one(rng, FR_FORMS_SMALL);
            case MICRO -> Pick.one(rng, FR_TRADES) + " " + Pick.one(rng, FR_SURNAMES) + " "
                    + Pick.one(rng, FR_FORMS_SMALL);
        };
    }

    private static String belgian(SplittableRandom rng, Segment segment) {
        return switch (segment) {
            case PUBLIC -> String.format(Pick.one(rng, BE_PUBLIC), Pick.one(rng, BE_TOWNS));
            case KEY_ACCOUNT -> "Groupe " + Pick.one(rng, BE_SURNAMES) + " SA";
            default -> Pick.one(rng, BE_SURNAMES) + " " + Pick.one(rng, FR_SME_WORDS) + " "
                    + Pick.one(rng, BE_FORMS);
        };
    }

    private static String spanish(SplittableRandom rng, Segment segment) {
        return switch (segment) {
            case PUBLIC -> String.format(Pick.one(rng, ES_PUBLIC), Pick.one(rng, ES_TOWNS));
            case KEY_ACCOUNT -> "Grupo " + Pick.one(rng, ES_SURNAMES) + " S.A.";
            default -> Pick.one(rng, ES_TRADES) + " " + Pick.one(rng, ES_SURNAMES) + " "
                    + Pick.one(rng, ES_FORMS);
        };
    }

    /** A collector's name. */
    static String person(SplittableRandom rng) {
        return Pick.one(rng, FR_FIRST_NAMES) + " " + Pick.one(rng, FR_SURNAMES);
    }
}
