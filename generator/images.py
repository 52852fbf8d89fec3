"""Images named by an outline, read as untrusted input: type and size from the header, capped."""

from __future__ import annotations

import io
import os
import stat
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_IMAGE_BYTES = 50 * 1024 * 1024
"""Largest image file accepted (a full-screen photo is 1-5 MB)."""
MAX_PIXELS = 50_000_000
"""Most pixels an image may have (8K UHD is 33 million); decoding one costs about 4 bytes
a pixel, so the cap bounds a build's memory."""
MAX_SIDE = 30_000
"""Longest side accepted, in pixels."""
_HEAD = 64 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class ImageProblem(Exception):
    """An image cannot be used; the message says why and what was expected."""


@dataclass(frozen=True)
class ImageInfo:
    """What the header of an image says: its format ('png' or 'jpeg') and size in pixels."""

    kind: str
    width: int
    height: int


def inspect(path: Path, *, decode: bool = True) -> ImageInfo:
    """Return the format and size of the PNG or JPEG at ``path``.

    Special files (FIFOs, devices) are refused without being opened; only the header is
    read to learn the format and size, and the file's size and pixel count are capped
    before anything is decoded. With ``decode`` the image is then decoded once (with
    Pillow), so a truncated or corrupt file is refused here and not embedded broken.
    Raises ImageProblem.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ImageProblem(f"cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise ImageProblem("is not a regular file (a folder, FIFO or device); expected a PNG "
                           "or JPEG image")
    if st.st_size == 0:
        raise ImageProblem("is empty (0 bytes); expected a PNG or JPEG image")
    if st.st_size > MAX_IMAGE_BYTES:
        raise ImageProblem(f"is {st.st_size:,} bytes; expected at most {MAX_IMAGE_BYTES:,} "
                           "(save it smaller)")
    try:
        with open(path, "rb") as stream:
            head = stream.read(_HEAD)
            info = _header(head, stream)
    except OSError as exc:
        raise ImageProblem(f"cannot be read: {exc.strerror or exc}") from None
    _check_pixels(info)
    if decode:
        _decode(path, info)
    return info


def inspect_bytes(data: bytes, *, decode: bool = True) -> ImageInfo:
    """Return the format and size of the PNG or JPEG held in ``data`` (a picture inside a
    template's package, say), with the caps and checks of ``inspect``; raises ImageProblem."""
    if not data:
        raise ImageProblem("is empty (0 bytes); expected a PNG or JPEG image")
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageProblem(f"is {len(data):,} bytes; expected at most {MAX_IMAGE_BYTES:,} "
                           "(save it smaller)")
    info = _header(data[:_HEAD], io.BytesIO(data))
    _check_pixels(info)
    if decode:
        _decode(io.BytesIO(data), info)
    return info


def _check_pixels(info: ImageInfo) -> None:
    """Raise ImageProblem unless ``info`` has pixels, and not too many."""
    if info.width < 1 or info.height < 1:
        raise ImageProblem(f"is {info.width} x {info.height} pixels; expected an image with "
                           "pixels")
    if max(info.width, info.height) > MAX_SIDE or info.width * info.height > MAX_PIXELS:
        raise ImageProblem(f"is {info.width:,} x {info.height:,} pixels; expected at most "
                           f"{MAX_PIXELS // 1_000_000} million pixels and {MAX_SIDE:,} a side "
                           "(save it smaller)")


def _header(head: bytes, stream) -> ImageInfo:
    if head.startswith(_PNG):
        if len(head) < 24 or head[12:16] != b"IHDR":
            raise ImageProblem("is not a valid PNG (no IHDR header); expected an intact image")
        width, height = struct.unpack(">II", head[16:24])
        return ImageInfo("png", width, height)
    if head.startswith(_JPEG):
        return _jpeg(stream, head)
    raise ImageProblem("is not a PNG or JPEG image; expected one of those formats")


def _jpeg(stream, head: bytes) -> ImageInfo:
    """Walk a JPEG's marker segments (seeking, not reading their bodies) to its frame header."""
    pos = 2
    stream.seek(pos)
    for _ in range(10_000):
        marker = stream.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            break
        code = marker[1]
        while code == 0xFF:  # fill bytes
            more = stream.read(1)
            code = more[0] if more else 0xD9
        if code in (0xD8, 0x01) or 0xD0 <= code <= 0xD7:
            continue
        length_bytes = stream.read(2)
        if len(length_bytes) < 2:
            break
        length = struct.unpack(">H", length_bytes)[0]
        if length < 2:
            break
        if code in _SOF:
            body = stream.read(5)
            if len(body) < 5:
                break
            height, width = struct.unpack(">HH", body[1:5])
            return ImageInfo("jpeg", width, height)
        if code in (0xD9, 0xDA):  # end of image, or scan data before any frame header
            break
        stream.seek(length - 2, os.SEEK_CUR)
    raise ImageProblem("is not a valid JPEG (no frame header); expected an intact image")


def lost_share(path: Path | bytes, background: str, *, ratio: float = 1.5) -> float | None:
    """Return the share of the opaque pixels of the image at ``path`` (or held in bytes: a
    picture inside a template, checked as ``inspect_bytes`` checks it first) whose contrast
    with ``background`` ('#RRGGBB') is below ``ratio``: how much of a logo vanishes on a
    slide of that colour. None when the image cannot be read or has no opaque pixel."""
    from PIL import Image

    from .brand import RGB, luminance_ratio

    if isinstance(path, bytes):
        try:
            inspect_bytes(path, decode=False)
        except ImageProblem:
            return None
    try:
        with Image.open(io.BytesIO(path) if isinstance(path, bytes) else path) as im:
            im.draft("RGB", (96, 96))
            small = im.convert("RGBA")
            small.thumbnail((96, 96))
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, MemoryError,
            Image.DecompressionBombError):
        return None
    back = RGB.hex(background).luminance
    data = small.tobytes()
    seen = lost = 0
    for k in range(0, len(data), 4):
        if data[k + 3] < 128:
            continue
        seen += 1
        lost += luminance_ratio(RGB(data[k], data[k + 1], data[k + 2]).luminance, back) < ratio
    return lost / seen if seen else None


def _decode(path: Path | BinaryIO, info: ImageInfo) -> None:
    """Decode the image once with Pillow; raises ImageProblem when it is truncated or corrupt."""
    from PIL import Image  # python-pptx's own dependency; only an outline with images loads it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                if im.format not in ("PNG", "JPEG"):
                    raise ImageProblem("is not a PNG or JPEG image; expected one of those "
                                       "formats")
                if im.size != (info.width, info.height):
                    raise ImageProblem("has two different sizes in its header; expected an "
                                       "intact image")
                if im.format == "JPEG":  # decode at 1/8 scale: every byte read, less memory
                    im.draft(im.mode, (max(info.width // 8, 1), max(info.height // 8, 1)))
                im.load()
    except ImageProblem:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, MemoryError,
            Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        reason = str(exc) or type(exc).__name__
        reason = reason if len(reason) <= 60 else reason[:57] + "..."
        raise ImageProblem(f"cannot be decoded ({reason}); expected an intact PNG or JPEG "
                           "(is it truncated?)") from None
