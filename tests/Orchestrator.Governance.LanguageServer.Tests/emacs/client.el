;;; client.el --- Emacs's eglot as the LSP client of `governance lsp'  -*- lexical-binding: t -*-
;; RealClientTests runs it (emacs --batch -Q -l client.el) on a copy of the example repository and
;; reads what it writes to $OUT. Eglot keeps no diagnostics for a file that is not open: each packet
;; shows diagnostics only when the server publishes them after its didOpen (issue 31, D1).
;; -Q loads no site files: Debian's elpa-eglot and its dependencies are put on the load path here.
(package-initialize)
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'project)
(require 'xref)
(require 'eglot)
(require 'flymake)
(let* ((dll (getenv "GOVERNANCE_LSP_DLL"))
       (root (file-name-as-directory (getenv "REPO")))
       (out (getenv "OUT"))
       (lines '()))
  (setq project-find-functions (list (lambda (_dir) (cons 'transient root))))
  (add-to-list 'eglot-server-programs `(text-mode . ("dotnet" ,dll "lsp")))
  (setq eglot-sync-connect 30 eglot-connect-timeout 60)
  (defun governance--wait (predicate)
    (let ((deadline (+ (float-time) 30)))
      (while (and (not (funcall predicate)) (< (float-time) deadline))
        (accept-process-output nil 0.1))))
  (defun governance--open (relative)
    (message "opening %s" relative)
    (find-file (expand-file-name relative root))
    (text-mode)
    ;; The first buffer starts the server (eglot-ensure waits for a command loop, which --batch has
    ;; not); the next ones in the project are managed as eglot manages any buffer: on their mode.
    (unless (eglot-managed-p)
      (eglot '(text-mode) (project-current) 'eglot-lsp-server (list "dotnet" dll "lsp") "markdown"))
    (governance--wait (lambda () (eglot-managed-p)))
    (message "managed %s: %s" relative (eglot-managed-p))
    (flymake-start)
    (current-buffer))
  (defun governance--dump (label buffer)
    (with-current-buffer buffer
      (governance--wait (lambda () (flymake-diagnostics)))
      (dolist (d (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
        (push (format "%s %d %s" label (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)) lines))
      (push (format "%s count %d" label (length (flymake-diagnostics))) lines)))
  (let ((cancel (governance--open "docs/task_packets/WP-1-Job-Cancel.md")))
    (governance--dump "cancel" cancel)
    ;; A second packet opened after the first: its diagnostics come with its didOpen.
    (let ((retry (governance--open "docs/task_packets/WP-1-Job-Retry.md")))
      (governance--dump "retry" retry)))
  (with-temp-file out (insert (mapconcat #'identity (nreverse lines) "\n") "\n"))
  (ignore-errors (eglot-shutdown-all))
  (kill-emacs 0))
