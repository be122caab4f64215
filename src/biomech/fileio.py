"""Writing output files: one place, one set of rules.

Every file the library or the command line writes (a sweep's CSV, a plot, a report page,
a figure, a ``.mot`` file) goes through :func:`write_bytes` or :func:`write_text`. What
happens depends on what sits at the path:

- nothing, or a regular file: the data is written to a temporary file in the same folder,
  flushed to disk and moved into place with :func:`os.replace`, so a reader never sees a
  half-written file and an error or Ctrl-C leaves the previous file whole. An existing
  file keeps its permission bits (a private ``600`` file stays private); a new one gets
  ``0666`` less the umask, as ``open`` would give it.
- a symbolic link: followed; the file it points to is replaced as above and the link stays.
- a device (``/dev/null``, a terminal), a FIFO, a path that names an open file descriptor
  (``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1``, or a link to one), and ``"-"``
  (standard output): written straight through, never replaced.
- anything else (a folder, a socket, a path whose folder does not exist or cannot be
  written): refused with :class:`~biomech.errors.OutputFileError` before anything is written.

:func:`check_writable` runs the same checks without writing, so a long computation can
refuse an unusable output path (a read-only folder, a full disk) before it starts.

Examples
--------
>>> import os, tempfile
>>> from biomech.fileio import write_text
>>> p = os.path.join(tempfile.mkdtemp(), "out.csv")
>>> write_text(p, "a,b\\n1,2\\n")
'...out.csv'
>>> open(p).read()
'a,b\\n1,2\\n'
>>> write_text(os.path.dirname(p), "x")
Traceback (most recent call last):
...
biomech.errors.OutputFileError: path='...' is a folder; give a file name.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from typing import Any

from .errors import OutputFileError

__all__ = ["write_bytes", "write_text", "check_writable", "MIN_FREE_BYTES"]

#: A folder with less free space than this is refused before a long computation starts.
MIN_FREE_BYTES = 1 << 20

# paths that name an open file descriptor (/dev/stdout, /dev/fd/3, /proc/self/fd/1), not a file
_STREAM_PREFIXES = ("/proc/", "/dev/fd/", "/dev/stdin", "/dev/stdout", "/dev/stderr")


def _through_descriptor(path: str) -> bool:
    """True when ``path`` or a symbolic link on the way to its file names a file descriptor."""
    hop = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on a chain of links
        if hop.startswith(_STREAM_PREFIXES):
            return True
        if not os.path.islink(hop):
            return False
        hop = os.path.normpath(os.path.join(os.path.dirname(hop), os.readlink(hop)))
    return False


def _plan(path: Any, name: str) -> tuple[str, str]:
    """How ``path`` is written: ``("stdout", "-")``, ``("stream", path)`` or ``("replace", target)``."""
    if path == "-":
        return "stdout", "-"
    try:
        text = os.fspath(path)
    except TypeError:
        raise OutputFileError(f"{name}={path!r} is not a file name.") from None
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if not text or "\0" in text:
        raise OutputFileError(f"{name}={text!r} is not a file name (empty, or holds a NUL character).")
    try:
        st = os.stat(text)  # follows symbolic links
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputFileError(f"{name}={text!r} cannot be reached ({exc.strerror or exc}).") from None
    real = os.path.realpath(text)
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        return "stream", text
    if _through_descriptor(text):
        # /dev/stdout -> /proc/self/fd/1 -> wherever standard output goes: never replaced
        return "stream", text
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputFileError(f"{name}={text!r} is a folder; give a file name.")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputFileError(f"{name}={text!r} is neither a file, a device nor a pipe (a socket?); "
                              f"give a file name.")
    folder = os.path.dirname(real) or "."
    if not os.path.isdir(folder):
        raise OutputFileError(f"{name}={text!r}: the folder {folder!r} does not exist.")
    return "replace", real


def check_writable(path: Any, name: str = "path", *, min_free: int = MIN_FREE_BYTES) -> None:
    """Refuse ``path`` now if it cannot be written later.

    For a file to be replaced, a temporary file is created and removed in its folder
    (which catches read-only folders and file systems) and the folder must have at least
    ``min_free`` bytes free.

    Raises
    ------
    OutputFileError
        The path is a folder or a socket, its folder is missing, read-only or full.

    Examples
    --------
    >>> check_writable("-")
    >>> check_writable("/no/such/folder/x.csv")
    Traceback (most recent call last):
    ...
    biomech.errors.OutputFileError: path='/no/such/folder/x.csv': the folder '/no/such/folder' does not exist.
    """
    how, target = _plan(path, name)
    if how != "replace":
        return
    folder = os.path.dirname(target) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=".biomech-", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise OutputFileError(f"{name}={os.fspath(path)!r}: the folder {folder!r} cannot be written "
                              f"({exc.strerror or exc}).") from None
    try:
        vfs = os.statvfs(folder)
    except (OSError, AttributeError):  # pragma: no cover - platforms without statvfs
        return
    free = vfs.f_bavail * vfs.f_frsize
    if free < min_free:
        raise OutputFileError(f"{name}={os.fspath(path)!r}: the folder {folder!r} has {free} bytes free; "
                              f"at least {min_free} are needed.")


def write_bytes(path: Any, data: bytes, *, name: str = "path") -> str:
    """Write ``data`` to ``path`` by the rules in the module's docstring.

    Parameters
    ----------
    path : str or path-like
        The file, ``"-"`` for standard output.
    data : bytes
        Everything to write (rendered in memory first, so nothing is written half).
    name : str
        The argument's name, for error messages.

    Returns
    -------
    str
        The path as given (``"-"`` for standard output).

    Raises
    ------
    OutputFileError
        The path cannot take a file, or writing failed (a full disk, no permission); the
        previous file is then left as it was and no temporary file stays behind.

    Examples
    --------
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "x.bin")
    >>> write_bytes(p, b"abc") == p
    True
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise OutputFileError(f"data={type(data).__name__} is not bytes.")
    how, target = _plan(path, name)
    shown = "-" if how == "stdout" else os.fspath(path)
    if how == "stdout":
        stream = getattr(sys.stdout, "buffer", None)
        if stream is not None:
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        else:  # a text-only stdout (captured, in a notebook)
            sys.stdout.write(bytes(data).decode("utf-8", errors="replace"))
        return shown
    if how == "stream":
        try:
            with open(target, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise OutputFileError(f"{name}={shown!r} cannot be written ({exc.strerror or exc}).") from None
        return shown
    _replace(target, data, name, shown)
    return shown


def _replace(target: str, data: bytes, name: str, shown: str) -> None:
    folder = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise OutputFileError(f"{name}={shown!r} cannot be reached ({exc.strerror or exc}).") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)[:40]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputFileError(f"{name}={shown!r}: the folder {folder!r} cannot be written "
                              f"({exc.strerror or exc}).") from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputFileError(f"{name}={shown!r} cannot be written ({exc.strerror or exc}); "
                                  f"the previous file is unchanged.") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text(path: Any, text: str, *, name: str = "path", encoding: str = "utf-8") -> str:
    """Write ``text`` (encoded as ``encoding``) by the rules of :func:`write_bytes`.

    >>> write_text("-", "hello\\n")
    hello
    '-'
    """
    if not isinstance(text, str):
        raise OutputFileError(f"text={type(text).__name__} is not a string.")
    return write_bytes(path, text.encode(encoding), name=name)
