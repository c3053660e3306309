;;; check.el --- run by scripts/test-emacs.sh  -*- lexical-binding: t -*-
;; Loaded in `emacs --batch' after the README's Emacs snippet and a framework file. Waits for
;; eglot to connect and for the server's diagnostics in Flymake, asks for the hover on a
;; `baseline' key (as eldoc does) and runs "Show documentation" on the YS101 problem (as
;; `eglot-code-actions' does), then writes what a user would see to $YARDSTICK_EMACS_OUT,
;; one line per item, and exits.
(require 'cl-lib)

(defvar yardstick-check-out nil "Lines written at the end, newest first.")
(defun yardstick-check-say (format-string &rest args)
  (push (apply #'format format-string args) yardstick-check-out))
(defun yardstick-check-wait (seconds predicate)
  "Let process output and timers run until PREDICATE holds or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))
(defun yardstick-check-finish ()
  (with-temp-file (getenv "YARDSTICK_EMACS_OUT")
    (insert (mapconcat #'identity (reverse yardstick-check-out) "\n") "\n"))
  (kill-emacs 0))

(let ((buf (cl-find-if (lambda (b) (buffer-local-value 'buffer-file-name b)) (buffer-list))))
  (unless buf
    (yardstick-check-say "no file buffer")
    (yardstick-check-finish))
  (switch-to-buffer buf)
  (yardstick-check-say "mode %s" major-mode)
  ;; `eglot-ensure' connects from `post-command-hook', which the command loop runs before
  ;; the first command; batch mode has no command loop, so run the hook once here.
  (run-hooks 'post-command-hook)
  (unless (yardstick-check-wait 30 (lambda () (bound-and-true-p eglot--managed-mode)))
    (yardstick-check-say "eglot did not connect within 30 s")
    (yardstick-check-finish))
  (let ((server (eglot-current-server)))
    (yardstick-check-say "server %s" (plist-get (eglot--server-info server) :name))
    ;; Flymake starts its backends when the buffer is shown or after a command; start it here.
    (flymake-start)
    (unless (yardstick-check-wait 30 (lambda () (flymake-diagnostics)))
      (yardstick-check-say "no diagnostics within 30 s"))
    (dolist (d (flymake-diagnostics))
      (save-excursion
        (goto-char (flymake-diagnostic-beg d))
        (yardstick-check-say "diagnostic %d:%d %s" (line-number-at-pos) (1+ (current-column))
                             (flymake-diagnostic-text d))))
    ;; The hover eldoc shows on the `baseline' key of the first indicator that has one.
    (goto-char (point-min))
    (when (re-search-forward "^[ \t]*\\(baseline\\):" nil t)
      (goto-char (match-beginning 1))
      (let (hover)
        (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
        (yardstick-check-wait 10 (lambda () hover))
        (yardstick-check-say "hover %s"
                             (string-join (seq-take (split-string (or hover "") "\n" t " +") 3) " / "))))
    ;; "Show documentation for YS101" picked from the code actions on the problem.
    (let ((problem (cl-find-if (lambda (d) (string-match-p "\\[YS101\\]" (flymake-diagnostic-text d)))
                               (flymake-diagnostics))))
      (when problem
        (let ((actions (eglot-code-actions (flymake-diagnostic-beg problem) (flymake-diagnostic-end problem))))
          (yardstick-check-say "actions %s" (mapconcat (lambda (a) (plist-get a :title)) actions " | "))
          (condition-case err
              ;; Run from the keyboard (not a mouse menu), `eglot-code-actions' asks with
              ;; `completing-read'; the user picks "Show documentation".
              (let ((last-nonmenu-event ?\r))
                (cl-letf (((symbol-function 'completing-read)
                           (lambda (&rest _) "Show documentation for YS101")))
                  (eglot--read-execute-code-action actions server)
                  (yardstick-check-say "docs opened")))
            (jsonrpc-error
             (yardstick-check-say "docs error %s" (alist-get 'jsonrpc-error-message (cdr err))))
            (error (yardstick-check-say "docs failed %s" (error-message-string err)))))))
    (yardstick-check-finish)))
