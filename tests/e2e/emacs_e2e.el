;;; emacs_e2e.el --- Emacs + Eglot as an LSP client of `bitext lsp'  -*- lexical-binding: t; -*-

;; Driven headless by run_e2e.sh: emacs --batch -l emacs_e2e.el
;; Loads the shipped editors/emacs/bitext-mode.el, visits the broken transcript
;; ($E2E_FILE) and checks, the way a user meets them: the Flymake diagnostic,
;; hover through ElDoc, go to partner through xref, the outline through imenu,
;; and the quick fix clearing the diagnostic. Case facts come from E2E_*
;; environment variables. Exit status: 0 all assertions held, 1 some failed,
;; 2 the driver itself broke.

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(set-language-environment "UTF-8")
(prefer-coding-system 'utf-8)
(package-initialize)
(unless (require 'eglot nil t)
  (message "FAIL: Eglot is not available to emacs: run 'scripts/setup.sh --e2e' (installs Debian elpa-eglot)")
  (kill-emacs 1))
(require 'imenu)
(require 'xref)

(defvar e2e-failures 0)
(defconst e2e-timeout 10.0 "Seconds to wait for any one answer.")
(defconst e2e-structural
  '("missing-translation" "missing-original" "swapped-order" "duplicate-line"
    "split-line" "untranslated" "empty-line" "invalid-utf8"))

(defun e2e-case () (or (getenv "E2E_CASE") "?"))

(defvar e2e-start-time (float-time))
(defun e2e-step (name)
  "Log the start of a step, with the seconds since the driver started."
  (message "[%s] %5.2fs %s" (e2e-case) (- (float-time) e2e-start-time) name))

(defun e2e-fail (what expected got)
  (cl-incf e2e-failures)
  (message "FAIL [%s] %s\n  expected: %S\n  got:      %S" (e2e-case) what expected got))

(defun e2e-check-equal (what expected got)
  (if (equal expected got) t (e2e-fail what expected got) nil))

(defun e2e-check (what ok expected got)
  (unless ok (e2e-fail what expected got))
  ok)

(define-error 'e2e-abort "e2e: aborted after a failed assertion")
(defun e2e-require (what ok expected got)
  "Like `e2e-check', but stop the case when OK is nil: what follows needs it."
  (unless ok
    (e2e-fail what expected got)
    (signal 'e2e-abort nil)))

(defun e2e-env (name &optional optional)
  (let ((v (getenv name)))
    (when (and (not optional) (or (null v) (string-empty-p v)))
      (error "driver: environment variable %s not set" name))
    (and v (not (string-empty-p v)) v)))
(defun e2e-env-int (name &optional optional)
  (let ((v (e2e-env name optional))) (and v (string-to-number v))))
(defun e2e-ints (s) (mapcar #'string-to-number (split-string (or s "") " " t)))

(defun e2e-wait (pred &optional timeout)
  "Pump process output until PRED returns non-nil or TIMEOUT seconds pass."
  (let ((deadline (+ (float-time) (or timeout e2e-timeout))) result)
    (while (and (not (setq result (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    result))

(defun e2e-pos (line col)
  "Buffer position of 0-based LINE and character COL."
  (save-excursion
    (goto-char (point-min))
    (forward-line line)
    (min (+ (point) col) (line-end-position))))

(defun e2e-utf16-length (line)
  "Length of 0-based LINE in UTF-16 code units."
  (save-excursion
    (goto-char (e2e-pos line 0))
    (/ (length (encode-coding-string (buffer-substring-no-properties (point) (line-end-position))
                                     'utf-16le))
       2)))

(defun e2e-range-list (range)
  "LSP RANGE as (START-LINE START-CHARACTER END-LINE END-CHARACTER)."
  (let ((start (plist-get range :start)) (end (plist-get range :end)))
    (list (plist-get start :line) (plist-get start :character)
          (plist-get end :line) (plist-get end :character))))

(defun e2e-line-of (pos) (1- (line-number-at-pos pos t)))

;; Raw publishDiagnostics params (plists), newest first, as the server sent them.
(defvar e2e-published nil)
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (push params e2e-published))))

;; Batch Emacs cannot answer questions; say yes as a user applying a fix would.
(fset 'y-or-n-p (lambda (&rest _) t))
(fset 'yes-or-no-p (lambda (&rest _) t))

(defun e2e-structural (diags)
  (cl-remove-if-not (lambda (d) (member (plist-get d :code) e2e-structural)) (append diags nil)))

(defun e2e-describe (diags)
  (mapcar (lambda (d)
            (let ((r (plist-get d :range)))
              (format "%s@%d:%d-%d:%d" (plist-get d :code)
                      (plist-get (plist-get r :start) :line) (plist-get (plist-get r :start) :character)
                      (plist-get (plist-get r :end) :line) (plist-get (plist-get r :end) :character))))
          diags))

(defun e2e-flymake-structural ()
  "Flymake diagnostics of this buffer that come from a structural finding."
  (cl-remove-if-not
   (lambda (d) (member (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code)
                       e2e-structural))
   (flymake-diagnostics)))

(defun e2e-hover-at (pos)
  "What ElDoc would show for the hover at POS, or nil after a timeout."
  (goto-char pos)
  (let (got)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq got (or info ""))))
    (e2e-wait (lambda () got))
    got))

(defun e2e-note (format-string &rest args)
  "Log details when E2E_VERBOSE is set, to see what the server sent."
  (when (getenv "E2E_VERBOSE") (apply #'message (concat "  note: " format-string) args)))

(defun e2e-outline-lines (symbols &optional depth)
  "The outline as strings \"DEPTH:NAME\" in order (DEPTH 0 at the top)."
  (let ((depth (or depth 0)))
    (cl-loop for s across (vconcat symbols)
             append (cons (format "%d:%s" depth (plist-get s :name))
                          (e2e-outline-lines (plist-get s :children) (1+ depth))))))

(defun e2e-check-layout-file (layout file)
  "Open FILE (a Markdown or subtitle transcript) and check it as LAYOUT says.
The diagnostics (code@line, by line) and the outline (\"depth:name\") are
those of E2E_<LAYOUT>_DIAGS and E2E_<LAYOUT>_OUTLINE, fields separated by |."
  (e2e-step (format "layout %s: %s" layout file))
  (let ((coding-system-for-read 'utf-8))
    (find-file file))
  (switch-to-buffer (current-buffer))
  (e2e-check-equal (format "%s: major mode (editors/emacs)" layout) 'bitext-mode major-mode)
  (run-hooks 'post-command-hook)
  (when (e2e-check (format "%s: Eglot manages the buffer" layout)
                   (e2e-wait (lambda () eglot--managed-mode)) t eglot--managed-mode)
    (let* ((uri (plist-get (eglot--TextDocumentIdentifier) :uri))
           (published (e2e-wait (lambda () (cl-find uri e2e-published :key (lambda (p) (plist-get p :uri))
                                                    :test #'equal))))
           (got (mapcar (lambda (d) (cons (plist-get (plist-get (plist-get d :range) :start) :line)
                                          (plist-get d :code)))
                        (append (plist-get published :diagnostics) nil)))
           (want (split-string (or (e2e-env (format "E2E_%s_DIAGS" layout) t) "") "|" t)))
      (setq got (sort got (lambda (a b) (or (< (car a) (car b))
                                            (and (= (car a) (car b)) (string< (cdr a) (cdr b)))))))
      (e2e-check-equal (format "%s: diagnostics (code@line)" layout) want
                       (mapcar (lambda (d) (format "%s@%d" (cdr d) (car d))) got))
      (e2e-check-equal (format "%s: outline (depth:name)" layout)
                       (split-string (e2e-env (format "E2E_%s_OUTLINE" layout)) "|")
                       (e2e-outline-lines
                        (jsonrpc-request (eglot--current-server-or-lose) :textDocument/documentSymbol
                                         `(:textDocument ,(eglot--TextDocumentIdentifier))))))))

(defun e2e-run ()
  (e2e-step "start")
  (let* ((file (e2e-env "E2E_FILE"))
         (code (e2e-env "E2E_CODE"))
         (diag-line (e2e-env-int "E2E_DIAG_LINE"))
         ;; The finding covers whole lines: DIAG-LINE to END-LINE.
         (end-line (or (e2e-env-int "E2E_DIAG_END_LINE" t) diag-line))
         (severity (e2e-env-int "E2E_SEVERITY" t))
         (hand-end-col (e2e-env-int "E2E_DIAG_END_COL" t))
         (hover-line (e2e-env-int "E2E_HOVER_LINE"))
         (hover-want (e2e-env "E2E_HOVER_TEXT"))
         (partner-line (e2e-env-int "E2E_PARTNER_LINE"))
         (pair-starts (e2e-ints (e2e-env "E2E_PAIR_STARTS")))
         (front (e2e-ints (e2e-env "E2E_FRONT_LINES")))
         (back (e2e-ints (e2e-env "E2E_BACK_LINES")))
         (fixed-hover-want (e2e-env "E2E_FIXED_HOVER_TEXT" t))
         (expected-fixed (with-temp-buffer
                           (let ((coding-system-for-read 'utf-8))
                             (insert-file-contents (e2e-env "E2E_EXPECTED_FIXED")))
                           (buffer-string))))
    ;; What a user puts in init.el: the shipped mode, started by eglot-ensure.
    (e2e-step "load the shipped bitext-mode and visit the transcript")
    (load (expand-file-name "emacs/bitext-mode.el" (e2e-env "E2E_EDITOR_CONFIG_DIR")) nil t)
    (setq bitext-server-command (list (e2e-env "E2E_SERVER") "lsp"))
    (add-hook 'bitext-mode-hook #'eglot-ensure)
    ;; The placeholder, when the case sets one, in .dir-locals.el next to the
    ;; transcript, exactly as editors/emacs/README.md shows.
    (when-let ((placeholder (e2e-env "E2E_PLACEHOLDER" t)))
      (let ((coding-system-for-write 'utf-8))
        (with-temp-file (expand-file-name ".dir-locals.el" (file-name-directory file))
          (insert ";; -*- coding: utf-8 -*-\n")
          (prin1 `((bitext-mode . ((eglot-workspace-configuration
                                     . (:bitext (:originalPlaceholder ,placeholder))))))
                 (current-buffer)))))
    (let ((coding-system-for-read 'utf-8))
      (find-file file))
    ;; Hover results are only delivered to buffers shown in a window.
    (switch-to-buffer (current-buffer))
    (e2e-check-equal "major mode of the transcript (editors/emacs)" 'bitext-mode major-mode)
    (when (equal (e2e-env "E2E_LINE_END" t) "crlf")
      ;; Emacs decodes CRLF (utf-8-dos) and sends the server LF text.
      (e2e-check-equal "end-of-line type of the CRLF transcript (1 = dos)"
                       1 (coding-system-eol-type buffer-file-coding-system)))
    ;; eglot-ensure connects from the command loop, which batch mode lacks.
    (e2e-step "connect Eglot")
    (run-hooks 'post-command-hook)
    (e2e-require "Eglot manages the buffer" (e2e-wait (lambda () eglot--managed-mode))
                 t eglot--managed-mode)
    (let* ((uri (plist-get (eglot--TextDocumentIdentifier) :uri))
           (opened-version eglot--versioned-identifier)
           (first (e2e-wait (lambda () (cl-find uri e2e-published
                                                :key (lambda (p) (plist-get p :uri))
                                                :test #'equal)))))
      ;; 1. The diagnostic, raw and as Flymake shows it.
      (e2e-step "diagnostic on open")
      (e2e-require (format "publishDiagnostics for %s within %ss" uri e2e-timeout) first
                   "a notification" e2e-published)
      (e2e-check-equal "publishDiagnostics version (echo of the opened version)"
                       opened-version (plist-get first :version))
      (e2e-note "first publishDiagnostics: %S" first)
      (let* ((found (e2e-structural (plist-get first :diagnostics)))
             (want-lines (sort (cons diag-line (e2e-ints (e2e-env "E2E_OTHER_DIAG_LINES" t))) #'<))
             (diag (cl-find diag-line found
                            :key (lambda (d) (plist-get (plist-get (plist-get d :range) :start) :line)))))
        (e2e-require "structural diagnostics on open (code@line)"
                     (equal (mapcar (lambda (l) (format "%s@%d" code l)) want-lines)
                            (mapcar (lambda (d) (format "%s@%d" (plist-get d :code)
                                                        (plist-get (plist-get (plist-get d :range) :start) :line)))
                                    found))
                     (mapcar (lambda (l) (format "%s@%d" code l)) want-lines) (e2e-describe found))
        (e2e-check-equal "diagnostic code" code (plist-get diag :code))
        (e2e-check-equal "diagnostic source" "bitext" (plist-get diag :source))
        (when severity
          (e2e-check-equal "diagnostic severity (1 error, 2 warning)" severity (plist-get diag :severity)))
        ;; Eglot 1.9 declares publishDiagnostics.relatedInformation = false.
        (e2e-check-equal "diagnostics carrying relatedInformation, which Eglot declared it does not support"
                         nil (e2e-describe (cl-remove-if-not (lambda (d) (plist-member d :relatedInformation))
                                                             (append (plist-get first :diagnostics) nil))))
        (e2e-check "diagnostic message is not empty"
                   (and (stringp (plist-get diag :message)) (> (length (plist-get diag :message)) 0))
                   "a message" (plist-get diag :message))
        (e2e-check-equal "diagnostic range (start line, column; end line, column) in UTF-16"
                         (list diag-line 0 end-line (e2e-utf16-length end-line))
                         (e2e-range-list (plist-get diag :range)))
        (when hand-end-col
          (e2e-check-equal "UTF-16 length of the line per Emacs (test self-check)"
                           hand-end-col (e2e-utf16-length end-line))
          (e2e-check-equal "diagnostic range in UTF-16, worked out by hand"
                           (list diag-line 0 end-line hand-end-col)
                           (e2e-range-list (plist-get diag :range))))
        (flymake-start)
        (let ((shown (e2e-wait (lambda () (e2e-flymake-structural)) 3)))
          (e2e-check-equal "Flymake diagnostics cover whole lines (0-based line, columns in characters)"
                           (mapcar (lambda (l)
                                     (let ((last (if (= l diag-line) end-line l)))
                                       (list l 0 last (save-excursion (goto-char (e2e-pos last 0))
                                                                      (- (line-end-position) (point))))))
                                   want-lines)
                           (sort (mapcar (lambda (d)
                                           (let ((b (flymake-diagnostic-beg d)) (e (flymake-diagnostic-end d)))
                                             (list (e2e-line-of b) (save-excursion (goto-char b) (- b (line-beginning-position)))
                                                   (e2e-line-of e) (save-excursion (goto-char e) (- e (line-beginning-position))))))
                                         shown)
                                 (lambda (a b) (< (car a) (car b))))))

        ;; 2. Hover on a Chinese line shows its English original.
        (e2e-step "hover")
        (let ((text (e2e-hover-at (e2e-pos hover-line 2))))
          (e2e-note "hover text: %S" text)
          (e2e-check (format "hover (ElDoc) on line %d contains its original" hover-line)
                     (and text (string-search hover-want text))
                     (format "text containing %S" hover-want) text))

        (let ((text (e2e-hover-at (e2e-pos diag-line 2))))
          (e2e-check (format "hover (ElDoc) on the flagged line %d names the finding" diag-line)
                     (and text (string-search code text)) (format "text containing %S" code) text))
        ;; Eglot offers markdown only when it can render it (gfm-view-mode).
        (let ((raw (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                    (progn (goto-char (e2e-pos hover-line 2))
                                           (eglot--TextDocumentPositionParams)))))
          (e2e-check-equal "hover markup kind (the one format Eglot offered)"
                           (if (fboundp 'gfm-view-mode) "markdown" "plaintext")
                           (plist-get (plist-get raw :contents) :kind)))

        ;; 3. Go to partner through xref, as M-. does.
        (e2e-step "go to partner")
        (goto-char (e2e-pos hover-line 2))
        (let ((xrefs (xref-backend-definitions 'eglot "LSP identifier at point")))
          (e2e-check-equal (format "xref definitions from line %d (0-based lines)" hover-line)
                           (list partner-line)
                           (mapcar (lambda (x) (1- (xref-location-line (xref-item-location x)))) xrefs)))
        (goto-char (e2e-pos hover-line 2))
        (xref-find-definitions "LSP identifier at point")
        (e2e-check-equal "line of point after xref-find-definitions (M-.)" partner-line (e2e-line-of (point)))
        (switch-to-buffer (find-buffer-visiting file))

        ;; 4. Outline: imenu as the user sees it, and the symbols' details raw.
        (e2e-step "outline")
        (setq imenu--index-alist nil)
        (let* ((index (imenu--make-index-alist t))
               (leaves nil))
          (cl-labels ((walk (alist)
                        (dolist (e alist)
                          (cond ((equal e imenu--rescan-item))
                                ((or (number-or-marker-p (cdr e))) (push e leaves))
                                ((listp (cdr e)) (walk (cdr e)))))))
            (walk index))
          (let* ((by-line (mapcar (lambda (l) (cons (e2e-line-of (cdr l)) (car l))) leaves))
                 (missing (cl-remove-if (lambda (s) (assq s by-line)) pair-starts))
                 (misnamed
                  (cl-loop for s in pair-starts
                           for name = (cdr (assq s by-line))
                           for stem = (and name (string-trim-right (string-remove-suffix "…" name)))
                           for first-line = (save-excursion (goto-char (e2e-pos s 0))
                                                            (buffer-substring-no-properties (point) (line-end-position)))
                           for second-line = (save-excursion (goto-char (e2e-pos (1+ s) 0))
                                                             (buffer-substring-no-properties (point) (line-end-position)))
                           when (and name (or (string-empty-p stem)
                                              (not (or (string-prefix-p stem first-line)
                                                       (string-prefix-p stem second-line)))))
                           collect (cons s name))))
            (e2e-check-equal "pair first lines without an imenu entry" nil missing)
            (e2e-check-equal "imenu entries not named by the first words of their pair" nil misnamed)))
        (let* ((symbols (jsonrpc-request (eglot--current-server-or-lose) :textDocument/documentSymbol
                                         `(:textDocument ,(eglot--TextDocumentIdentifier))))
               (pairs nil) (others nil))
          (cl-labels ((walk (list)
                        (seq-doseq (s list)
                          ;; A pair is a leaf; a speaker turn may have detail "pair N" too.
                          (if (and (stringp (plist-get s :detail))
                                   (string-match-p "\\`pair [0-9]+\\'" (plist-get s :detail))
                                   (seq-empty-p (plist-get s :children)))
                              (push s pairs)
                            (push s others))
                          (walk (plist-get s :children)))))
            (walk symbols))
          (setq pairs (nreverse pairs))
          (e2e-check-equal "number of pair symbols" (length pair-starts) (length pairs))
          (e2e-check-equal "pair symbols whose (detail first-line) differ from (\"pair N\" N's first line)"
                           nil
                           (cl-loop for s in pairs for i from 1
                                    for want = (list (format "pair %d" i) (nth (1- i) pair-starts))
                                    for got = (list (plist-get s :detail)
                                                    (plist-get (plist-get (plist-get s :range) :start) :line))
                                    unless (equal want got) collect (list :want want :got got)))
          (cl-flet ((block-p (from to)
                      ;; The range ends on line TO, or at the start of the next line.
                      (cl-some (lambda (s) (let* ((r (plist-get s :range)) (e (plist-get r :end)))
                                             (and (= (plist-get (plist-get r :start) :line) from)
                                                  (or (= (plist-get e :line) to)
                                                      (and (= (plist-get e :line) (1+ to))
                                                           (= (plist-get e :character) 0))))))
                               others)))
            (let ((others-desc (mapcar (lambda (s) (let ((r (plist-get s :range)))
                                                     (format "%s %d..%d" (plist-get s :name)
                                                             (plist-get (plist-get r :start) :line)
                                                             (plist-get (plist-get r :end) :line))))
                                       others)))
              (e2e-check (format "a front-matter symbol covering lines %d..%d" (nth 0 front) (nth 1 front))
                         (block-p (nth 0 front) (nth 1 front)) "such a symbol" others-desc)
              (e2e-check (format "a back-matter symbol covering lines %d..%d" (nth 0 back) (nth 1 back))
                         (block-p (nth 0 back) (nth 1 back)) "such a symbol" others-desc)))
          ;; Speaker turns (kind Namespace) named by the speaker alone: every
          ;; speaker of E2E_SPEAKERS ("A|B|C") names some turn, no turn another name.
          (let ((wanted (split-string (or (e2e-env "E2E_SPEAKERS" t) "") "|" t)))
            (when wanted
              (let ((turn-names (delete-dups (cl-loop for s across (if (vectorp symbols) symbols (vconcat symbols))
                                                      when (eql (plist-get s :kind) 3)
                                                      collect (plist-get s :name)))))
                (e2e-check-equal "speakers with no turn in the outline" nil
                                 (cl-remove-if (lambda (w) (member w turn-names)) wanted))
                (e2e-check-equal "turns in the outline named by someone else" nil
                                 (cl-remove-if (lambda (n) (member n wanted)) turn-names))))))

        ;; 5. Quick fix: the list Eglot gets for the line, then the shipped command.
        (e2e-step "quick fix")
        (goto-char (e2e-pos diag-line 0))
        (let* ((actions (eglot-code-actions (line-beginning-position) (line-end-position) "quickfix"))
               (preferred (cl-remove-if-not (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
          (e2e-note "code actions: %S" actions)
          (e2e-require "exactly one preferred quickfix on the line" (= (length preferred) 1)
                       1 actions)
          (e2e-check "the quick fix carries an edit, not a command"
                     (and (plist-get (car preferred) :edit) (not (plist-get (car preferred) :command)))
                     "edit without command" (car preferred)))
        (let ((fix-all-count (e2e-env-int "E2E_FIX_ALL" t)))
          (if (not fix-all-count)
              (progn (e2e-step "apply the preferred quick fix (bitext-fix-at-point)")
                     (bitext-fix-at-point))
            ;; Eglot 1.9 cannot resolve code actions: the fix-all must carry its edit.
            (let ((fix-all (cl-remove-if-not
                            (lambda (a) (string-prefix-p "source.fixAll" (or (plist-get a :kind) "")))
                            (eglot-code-actions (line-beginning-position) (line-end-position)))))
              (e2e-require "one fix-all source action for the line" (= (length fix-all) 1) 1 fix-all)
              (e2e-check "fix-all title names the code and the count"
                         (and (string-search code (plist-get (car fix-all) :title))
                              (string-search (format "(%d)" fix-all-count) (plist-get (car fix-all) :title)))
                         (format "title with %S and \"(%d)\"" code fix-all-count) (plist-get (car fix-all) :title))
              (e2e-require "the fix-all carries its edit (Eglot has no codeAction/resolve)"
                           (plist-get (car fix-all) :edit) "an edit" (car fix-all)))
            (e2e-step "apply the fix-all (bitext-fix-all-like-this)")
            (bitext-fix-all-like-this)))
        ;; Batch mode never runs Eglot's idle timer that sends the change.
        (eglot--signal-textDocument/didChange)
        (let* ((new-version eglot--versioned-identifier)
               (after (e2e-wait (lambda () (cl-find-if (lambda (p) (and (equal (plist-get p :uri) uri)
                                                                         (equal (plist-get p :version) new-version)))
                                                        e2e-published)))))
          (e2e-check "applying the fix changed the document version" (not (equal new-version opened-version))
                     (format "a version after %s" opened-version) new-version)
          (e2e-require (format "publishDiagnostics for version %s after the fix" new-version) after
                       "a notification with that version" (mapcar (lambda (p) (plist-get p :version)) e2e-published))
          (e2e-check-equal "structural diagnostics after the fix" nil
                           (e2e-describe (e2e-structural (plist-get after :diagnostics))))
          (flymake-start)
          (e2e-wait (lambda () (null (e2e-flymake-structural))) 2)
          (e2e-check-equal "structural Flymake diagnostics after the fix" nil
                           (mapcar #'flymake-diagnostic-text (e2e-flymake-structural))))
        (let ((text (buffer-substring-no-properties (point-min) (point-max))))
          (unless (equal text expected-fixed)
            (let* ((want (split-string expected-fixed "\n")) (got (split-string text "\n")) (at 0))
              (while (equal (nth at want) (nth at got)) (cl-incf at))
              (e2e-fail (format "buffer text after the fix (first difference at 0-based line %d)" at)
                        (nth at want) (nth at got)))))
        (when fixed-hover-want
          (let ((text (e2e-hover-at (e2e-pos diag-line 2))))
            (e2e-check (format "hover on line %d after the fix shows the placeholder original" diag-line)
                       (and text (string-search fixed-hover-want text))
                       (format "text containing %S" fixed-hover-want) text)))

        ;; 6. Typing after an emoji: Eglot sends an incremental change in UTF-16
        ;; columns; the partner's hover shows whether the server applied it right.
        (let ((edit-line (e2e-env-int "E2E_EDIT_LINE" t))
              (first-typed 0)
              (edit-after (e2e-env "E2E_EDIT_AFTER" t))
              (edit-text (e2e-env "E2E_EDIT_TEXT" t)))
          (when edit-line
            (e2e-step "type after the emoji")
            (goto-char (e2e-pos edit-line 0))
            (let ((before (buffer-substring-no-properties (point) (line-end-position))))
              (e2e-require (format "line %d starts with the text to type after" edit-line)
                           (string-prefix-p edit-after before) edit-after before)
              (forward-char (length edit-after))
              ;; One character at a time, each sent at once: a burst of didChanges.
              (setq first-typed (length e2e-published))
              (dolist (ch (split-string edit-text "" t))
                (insert ch)
                (eglot--signal-textDocument/didChange))
              (let* ((typed-version eglot--versioned-identifier)
                     (want (concat edit-after edit-text (substring before (length edit-after))))
                     ;; Asked at once, before any publish: a request answers for the current text.
                     (text (e2e-hover-at (e2e-pos (1+ edit-line) 2)))
                     (typed (e2e-wait (lambda () (cl-find-if (lambda (p) (and (equal (plist-get p :uri) uri)
                                                                               (equal (plist-get p :version) typed-version)))
                                                              e2e-published)))))
                (e2e-check (format "hover on the partner line %d right after typing shows the typed translation"
                                   (1+ edit-line))
                           (and text (string-search want text))
                           (format "text containing %S" want) text)
                (e2e-check (format "publishDiagnostics for version %s after typing" typed-version) typed
                           "a notification with that version" (mapcar (lambda (p) (plist-get p :version)) e2e-published))
                (when typed
                  (e2e-check-equal "structural diagnostics after typing" nil
                                   (e2e-describe (e2e-structural (plist-get typed :diagnostics)))))
                ;; A result for an old version is never published after a newer one.
                (let ((versions (mapcar (lambda (p) (plist-get p :version))
                                        (cl-remove-if-not (lambda (p) (equal (plist-get p :uri) uri))
                                                          (reverse (butlast e2e-published first-typed))))))
                  (e2e-check-equal "versions published during the burst, in arrival order (never going back)"
                                   (sort (copy-sequence versions) #'<) versions))))))

        ;; 7. Killing the buffer sends didClose, which clears its diagnostics.
        (e2e-step "close the buffer")
        (let ((before-close (length e2e-published)))
          (kill-buffer (current-buffer))
          (e2e-check "an empty publishDiagnostics after didClose"
                     (e2e-wait (lambda ()
                                 (cl-some (lambda (p) (and (equal (plist-get p :uri) uri)
                                                           (seq-empty-p (plist-get p :diagnostics))))
                                          (butlast e2e-published before-close))))
                     "diagnostics []" (butlast e2e-published before-close)))

        ;; 8. An ordinary .txt is left alone by editors/emacs.
        (find-file (e2e-env "E2E_PLAIN_FILE"))
        (e2e-check-equal "major mode of an ordinary English .txt" 'text-mode major-mode)
        (run-hooks 'post-command-hook)
        (e2e-check-equal "Eglot manages the ordinary .txt" nil (bound-and-true-p eglot--managed-mode))

        ;; 9. Other layouts (when the case lists them): a bilingual SRT and
        ;; Markdown file open in bitext-mode, with their diagnostics and outline.
        (dolist (layout '("SRT" "MD"))
          (when-let ((layout-file (e2e-env (format "E2E_%s_FILE" layout) t)))
            (e2e-check-layout-file layout layout-file)))
        ;; Markdown that is not a transcript keeps its mode and gets no server.
        (when-let ((other-md (e2e-env "E2E_OTHER_MD_FILE" t)))
          (find-file other-md)
          (run-hooks 'post-command-hook)
          (e2e-check "major mode of ordinary Markdown is not bitext-mode" (not (eq major-mode 'bitext-mode))
                     "not bitext-mode" major-mode)
          (e2e-check-equal "Eglot manages ordinary Markdown" nil (bound-and-true-p eglot--managed-mode)))))))

(let ((status
       (condition-case err
           ;; A driver error prints its backtrace before it reaches the handler.
           (let ((debugger (lambda (&rest args)
                             (unless (eq (car-safe (cadr args)) 'e2e-abort)
                               (message "driver error backtrace:")
                               (let ((print-level 3) (print-length 6) (backtrace-line-length 300))
                                 (backtrace)))))
                 (debug-on-error t)
                 (debug-ignored-errors nil))
             (e2e-run)
             (if (zerop e2e-failures) 0 1))
         (e2e-abort 1)
         ((debug error) (message "driver error: %S" err) 2))))
  (e2e-step "shut down")
  (message "emacs e2e case %s: %d failed assertion(s)" (e2e-case) e2e-failures)
  (ignore-errors (eglot-shutdown-all))
  (e2e-step "done")
  (kill-emacs status))

;;; emacs_e2e.el ends here
