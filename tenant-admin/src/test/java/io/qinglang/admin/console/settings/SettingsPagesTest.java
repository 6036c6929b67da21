package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.ConfigurationChange.ListedDay;
import io.qinglang.admin.configuration.application.ConfigurationChange.PolicySettings;
import io.qinglang.admin.configuration.application.TenantConfigurationView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.CategoryView;
import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.qinglang.admin.console.web.Forms.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsPagesTest {

    @Test
    void aPolicyFormBindsNumbersANestedExtensionAndAlertPercents() {
        PolicySettings s = (PolicySettings) FormBinding.bind(PolicySettings.class, form("stage", "ACCEPT", "amount", "15",
                "unit", "WORKING_DAYS", "extension.amount", "10", "extension.unit", "WORKING_DAYS",
                "alertPercents", "50, 80，100", "pausesWhileWaiting", "true"));
        assertThat(s.amount()).isEqualTo(15);
        assertThat(s.extension().amount()).isEqualTo(10);
        assertThat(s.thresholds()).containsExactly(50, 80, 100);
        assertThat(s.category()).as("an empty choice is absent").isNull();
    }

    @Test
    void anEmptyNestedRecordIsAbsentAndBadNumbersAreNamed() {
        PolicySettings s = (PolicySettings) FormBinding.bind(PolicySettings.class, form("stage", "ACCEPT", "amount", "1",
                "unit", "HOURS", "extension.amount", "", "extension.unit", ""));
        assertThat(s.extension()).isNull();
        assertThatThrownBy(() -> FormBinding.bind(PolicySettings.class, form("amount", "ten", "extension.amount", "x",
                "alertPercents", "50, lots")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::pointer)
                        .containsExactlyInAnyOrder("/amount", "/extension/amount", "/alertPercents"));
    }

    @Test
    void pointersBecomeTheFieldsThatShowThem() {
        assertThat(AdminPage.field("/nameZh")).isEqualTo("nameZh");
        assertThat(AdminPage.field("/extension/amount")).isEqualTo("extension.amount");
        assertThat(AdminPage.field("/alertPercents/1")).isEqualTo("alertPercents");
        assertThat(AdminPage.field("/roles/0")).isEqualTo("roles");
        assertThat(AdminPage.field("")).isEqualTo("form");
    }

    @Test
    void theYearSheetMarksHolidaysMakeUpDaysAndRestDaysFromMonday() {
        YearSheet sheet = YearSheet.of(2027, List.of(new ListedDay(LocalDate.of(2027, 1, 1), "HOLIDAY", "元旦", "New Year"),
                new ListedDay(LocalDate.of(2027, 9, 26), "WORKDAY", null, null)),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(sheet.months()).hasSize(12);
        List<YearSheet.Day> firstWeek = sheet.months().get(0).weeks().get(0);
        assertThat(firstWeek).hasSize(7);
        assertThat(firstWeek.subList(0, 4)).as("1 January 2027 is a Friday").containsOnlyNulls();
        assertThat(firstWeek.get(4).kind()).isEqualTo("HOLIDAY");
        assertThat(firstWeek.get(4).nameZh()).isEqualTo("元旦");
        assertThat(firstWeek.get(5).kind()).isEqualTo("REST");
        assertThat(sheet.months().get(8).weeks().stream().flatMap(List::stream)
                .filter(d -> d != null && d.day() == 26).findFirst().orElseThrow().kind()).isEqualTo("WORKDAY");
        assertThat(sheet.months().get(1).weeks().stream().flatMap(List::stream).filter(d -> d != null).count())
                .isEqualTo(28);
    }

    private static CategoryView category(String code, String parent, int order) {
        return new CategoryView(code, code, code, null, null, parent, "ORDINARY", false, null, order, true, 1);
    }

    @Test
    void categoriesAreLaidOutAsATreeAndOrphansAreNotLost() {
        List<CategoryPages.Placed> tree = CategoryPages.tree(List.of(category("b-child", "b", 0), category("a", null, 1),
                category("b", null, 0), category("orphan", "gone", 0), category("a-child", "a", 0)));
        assertThat(tree).extracting(p -> p.category().code() + ":" + p.depth())
                .containsExactly("b:0", "b-child:1", "a:0", "a-child:1", "orphan:0");
    }

    @Test
    void theNextScheduledReportIsTheCurrentPeriodsMadeOnceItCloses() {
        var monthlyAndQuarterly = new TenantConfigurationView.DisclosureView(List.of("RECEIVED"), 5,
                List.of("QUARTERLY", "MONTHLY"), null, null, false, 1);
        assertThat(DashboardPages.nextReport(monthlyAndQuarterly, LocalDate.of(2026, 12, 6)))
                .contains(new DashboardPages.NextReport("2026-12", "MONTHLY", LocalDate.of(2027, 1, 1)));
        var quarterly = new TenantConfigurationView.DisclosureView(List.of("RECEIVED"), 5, List.of("QUARTERLY"), null,
                null, false, 1);
        assertThat(DashboardPages.nextReport(quarterly, LocalDate.of(2026, 11, 15)))
                .contains(new DashboardPages.NextReport("2026-Q4", "QUARTERLY", LocalDate.of(2027, 1, 1)));
        var nothingPublic = new TenantConfigurationView.DisclosureView(List.of(), 5, List.of("YEARLY"), null, null,
                false, 1);
        assertThat(DashboardPages.nextReport(nothingPublic, LocalDate.of(2026, 11, 15))).isEmpty();
    }
}
