package kz.shlyuz.adapters;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The agency information systems Shlyuz routes to: their short names (which are also their TLS
 * CNs and the suffix of their signing identities {@code agency-<name>}), titles and the fixed
 * loopback ports the development environment runs them on.
 */
public final class Agencies {
    private static final int FIRST_PORT = 9101;

    /** In the order of {@code DevPki.ADAPTERS}; a port is {@link #FIRST_PORT} plus the index. */
    private static final List<Title> TITLES = List.of(
            new Title("gbd-fl",
                    "\"Жеке тұлғалар\" мемлекеттік деректер базасы (ЖТ МДБ)",
                    "Государственная база данных \"Физические лица\" (ГБД ФЛ)"),
            new Title("gbd-ul",
                    "\"Заңды тұлғалар\" мемлекеттік деректер базасы (ЗТ МДБ)",
                    "Государственная база данных \"Юридические лица\" (ГБД ЮЛ)"),
            new Title("kpsisu",
                    "ҚР Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитеті"
                            + " (ҚР БП ҚСжАЕК)",
                    "Комитет по правовой статистике и специальным учётам Генеральной прокуратуры РК"
                            + " (КПСиСУ ГП РК)"),
            new Title("knb",
                    "ҚР Ұлттық қауіпсіздік комитеті (ҰҚК)",
                    "Комитет национальной безопасности РК (КНБ)"),
            new Title("saod",
                    "Сот актілерін орындау органдарының ақпараттық жүйесі (САОД)",
                    "Информационная система органов исполнения судебных актов (САОД)"),
            new Title("tax",
                    "ҚР Қаржы министрлігі Мемлекеттік кірістер комитетінің салық департаменті (СД)",
                    "Департамент государственных доходов Комитета государственных доходов МФ РК (налоговый орган)"),
            new Title("military",
                    "Қорғаныс істері жөніндегі басқарма (ҚБ)",
                    "Управление по делам обороны (УДО)"),
            new Title("migration",
                    "ҚР ІІМ көші-қон қызметінің ақпараттық жүйесі",
                    "Информационная система миграционной службы МВД РК"),
            new Title("mvd-docs",
                    "ҚР ІІМ Халықты құжаттандыру және тіркеу пунктінің автоматтандырылған жүйесі (ХҚТ ТП АЖ)",
                    "Автоматизированная система пунктов документирования и регистрации населения МВД РК"),
            new Title("aeo",
                    "ҚР ІІМ \"Ақпараттық-өндірістік орталығы\" РМК (\"АӨО\" РМК)",
                    "РГП \"Информационно-производственный центр\" МВД РК"));

    private Agencies() {}

    /** The ten adapter names, the same list and order as {@code DevPki.ADAPTERS}. */
    public static List<String> names() {
        return TITLES.stream().map(Title::agency).toList();
    }

    /** The loopback port an adapter listens on by default: 9101 for gbd-fl … 9110 for aeo. */
    public static int defaultPort(String agency) {
        return FIRST_PORT + TITLES.indexOf(title(agency));
    }

    /** The agency's full name in Kazakh. */
    public static String titleKk(String agency) {
        return title(agency).kk();
    }

    /** The agency's full name in Russian. */
    public static String titleRu(String agency) {
        return title(agency).ru();
    }

    /** True when {@code agency} is one of {@link #names()}. */
    public static boolean isKnown(String agency) {
        return TITLES.stream().anyMatch(t -> t.agency().equals(agency));
    }

    private static Title title(String agency) {
        return TITLES.stream()
                .filter(t -> t.agency().equals(agency))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("agency: " + agency + " (expected: one of "
                        + TITLES.stream().map(Title::agency).collect(Collectors.joining(", ")) + ")"));
    }

    private record Title(String agency, String kk, String ru) {}
}
