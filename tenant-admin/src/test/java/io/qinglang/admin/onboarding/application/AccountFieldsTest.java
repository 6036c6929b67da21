package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.shared.domain.InputErrors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFieldsTest {

    @Test
    void refusesNamesTheIdentityProviderWouldRefuse() {
        for (String name : new String[]{"<script>", "Ada (Admin)", "Tab\tName", "Line\nBreak", "Line\u2028Break",
                "a/b", "100%", "x".repeat(101)}) {
            InputErrors errors = AccountFields.check(new InputErrors(), "", "ada@example.org", name, "Li");
            assertThat(errors.has("/firstName")).as(name).isTrue();
            assertThat(errors.size()).as(name).isEqualTo(1);
        }
    }

    @Test
    void takesNamesPeopleHave() {
        for (String name : new String[]{"Ada", "李", "欧阳 娜娜", "O'Brien", "Jean-Luc", "Zoë", "Smith Jr.", "José María"}) {
            assertThat(AccountFields.check(new InputErrors(), "/admin", "ada@example.org", "Ada", name).isEmpty())
                    .as(name).isTrue();
        }
    }
}
