"""The PDF's way to the reader worker: an in-memory file mapped in place, or the pipe."""

from __future__ import annotations

import ctypes
import multiprocessing
import os

import pypdfium2 as pdfium
import pytest

from compliance.pdf_handover import memory_file, receive_pdf, send_pdf
from pdf_samples import tiny_pdf


def _hand_over(data: bytes) -> tuple[tuple, object]:
    """``send_pdf`` into one end of a pipe and ``receive_pdf`` from the other, in this process."""
    ours, theirs = multiprocessing.Pipe()
    try:
        send_pdf(ours, ("text", None), data, os.getpid())
        request = theirs.recv()
        return request, receive_pdf(theirs, request[-1])
    finally:
        ours.close()
        theirs.close()


def test_the_worker_reads_the_very_bytes_sent_and_pdfium_opens_them_in_place():
    data = tiny_pdf([[(72, 700, "Pasal 1")], [(72, 700, "Pasal 2")]])
    request, received = _hand_over(data)
    assert request == ("text", None, hasattr(os, "memfd_create"))
    assert len(received) == len(data) and bytes(received) == data
    assert received[-2048:] == data[-2048:]  # what refuse_truncated reads
    if request[-1]:
        assert isinstance(received, ctypes.Array)  # mapped, not copied into bytes
    pdf = pdfium.PdfDocument(received)
    try:
        assert len(pdf) == 2
        assert pdf[1].get_textpage().get_text_range().strip() == "Pasal 2"
    finally:
        pdf.close()


def test_without_in_memory_files_the_bytes_go_through_the_pipe(monkeypatch):
    monkeypatch.delattr(os, "memfd_create", raising=False)
    data = tiny_pdf([[(72, 700, "satu")]])
    request, received = _hand_over(data)
    assert request[-1] is False and received == data


@pytest.mark.skipif(not hasattr(os, "memfd_create"), reason="Linux in-memory files only")
def test_the_memory_file_holds_the_bytes():
    data = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    fd = memory_file(data)
    try:
        assert os.pread(fd, len(data) + 10, 0) == data
    finally:
        os.close(fd)
