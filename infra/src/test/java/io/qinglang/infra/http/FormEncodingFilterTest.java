package io.qinglang.infra.http;

import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FormEncodingFilterTest {

    @Test
    void takesWhatABrowserSends() {
        for (String form : new String[]{"", "a=", "a", "csrf=abc&note=%E4%BD%A0%E5%A5%BD+world&x=%F0%9F%98%80",
                "empty=&&also"}) {
            assertThatCode(() -> FormEncodingFilter.check(form.getBytes(StandardCharsets.US_ASCII))).as(form)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void refusesMalformedEncodingNamingTheField() {
        for (String form : new String[]{"csrf=ok&note=%zz", "note=%E0%A4", "note=%ED%A0%80", "note=%C0%AF",
                "note=abc%", "note=%4"}) {
            InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                    () -> FormEncodingFilter.check(form.getBytes(StandardCharsets.US_ASCII)));
            assertThat(refused).as(form).isNotNull();
            assertThat(refused.errors().getFirst().pointer()).as(form).isEqualTo("/note");
        }
        InvalidInput name = catchThrowableOfType(InvalidInput.class,
                () -> FormEncodingFilter.check("%FF=1".getBytes(StandardCharsets.US_ASCII)));
        assertThat(name.errors().getFirst().pointer()).isEmpty();
    }
}
