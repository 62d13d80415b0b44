"""How a PDF's bytes reach the reader worker (``pdf_reader``) and how it holds them.

Through the pipe the bytes go in chunks of the socket's buffer, each a wait for the worker
to read it (a context switch per few hundred KB: on a busy machine a fifth of pypdfium2's own
time). Where the system has in-memory files (Linux memfd), the bytes go once into one, whose
descriptor the worker receives and maps: pdfium reads the file in place, and the worker
never copies it into a bytes object of its own (that copy and the fresh memory it fills cost
more than sending the pages' texts back). The worker gets the very bytes the caller read
(and hashed).
"""

from __future__ import annotations

import ctypes
import mmap
import os
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle


def send_pdf(worker: Connection, request: tuple, data: bytes, worker_pid: int) -> None:
    """Send the worker ``request`` (plus whether the PDF comes as an in-memory file), then the PDF."""
    fd = memory_file(data)
    worker.send(request + (fd is not None,))
    if fd is None:
        worker.send_bytes(data)  # the PDF as it is: pickling it would copy it twice more
        return
    try:
        send_handle(worker, fd, worker_pid)
    finally:
        os.close(fd)  # the worker holds its own descriptor; the memory goes when it lets go of it


def memory_file(data: bytes) -> int | None:
    """A descriptor of an in-memory file holding ``data``, or None where there is none."""
    if not hasattr(os, "memfd_create"):
        return None
    try:
        fd = os.memfd_create("compliance-pdf", os.MFD_CLOEXEC)
    except OSError:  # e.g. forbidden by a sandbox: use the pipe
        return None
    try:
        with open(fd, "wb", closefd=False) as memory:
            memory.write(data)
    except BaseException:
        os.close(fd)
        raise
    return fd


def receive_pdf(connection: Connection, shared: bool) -> bytes | ctypes.Array:
    """The PDF ``send_pdf`` handed over: bytes from the pipe, or the in-memory file mapped
    as a ctypes array (pdfium opens either; slicing and ``len`` read it like bytes). The
    mapping goes when the array does."""
    if not shared:
        return connection.recv_bytes()
    with open(recv_handle(connection), "rb") as memory:
        size = os.fstat(memory.fileno()).st_size
        if not size:
            return b""
        # private (copy-on-write): writable, as ctypes asks, and never written
        mapped = mmap.mmap(memory.fileno(), size, access=mmap.ACCESS_COPY)
    return (ctypes.c_char * size).from_buffer(mapped)
