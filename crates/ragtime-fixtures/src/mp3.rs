//! Valid, silent MP3: MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz, mono.

/// One frame is 144 * 128000 / 44100 = 417 bytes: the header, then zeroed side info
/// and main data, which decoders play as silence.
const FRAME_LEN: usize = 417;
const HEADER: [u8; 4] = [0xFF, 0xFB, 0x90, 0xC0];

/// `frames` frames of silence (26 ms each).
pub fn silent_mp3(frames: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(frames * FRAME_LEN);
    for _ in 0..frames {
        bytes.extend_from_slice(&HEADER);
        bytes.resize(bytes.len() + FRAME_LEN - HEADER.len(), 0);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_start_with_an_mpeg1_layer3_sync_word() {
        let bytes = silent_mp3(3);
        assert_eq!(bytes.len(), 3 * FRAME_LEN);
        for frame in bytes.chunks(FRAME_LEN) {
            assert_eq!(frame[0], 0xFF);
            assert_eq!(frame[1] & 0xE0, 0xE0, "frame sync");
            assert_eq!((frame[1] >> 3) & 0b11, 0b11, "MPEG-1");
            assert_eq!((frame[1] >> 1) & 0b11, 0b01, "Layer III");
        }
    }
}
