package io.qinglang.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SocketWritesTest {

    @Test
    void countsEveryWriteByThePortItWentTo() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
             Socket accepted = listening.accept()) {
            OutputStream out = socket.getOutputStream();

            Map<Integer, Long> writes = SocketWrites.byRemotePort(() -> {
                out.write(1);
                out.write(2);
                out.write(3);
            });

            assertThat(writes).containsEntry(listening.getLocalPort(), 3L).doesNotContainKey(silent.getLocalPort());
            assertThat(accepted.getInputStream().readNBytes(3)).containsExactly(1, 2, 3);
        }
    }
}
