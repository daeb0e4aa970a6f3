/* modal.h - a form, picker or question over the current screen: it takes
 * every key until it closes. */
#ifndef FOCUSWEEK_MODAL_H
#define FOCUSWEEK_MODAL_H

#include "actions.h"
#include "tui.h"

struct modal_ops {
	void (*draw)(struct tui *ui, void *state);
	/* Returns APP_* flags; closes itself with modal_close when done. */
	unsigned (*key)(struct tui *ui, void *state, struct key k);
	void (*free)(void *state);
};

struct modal {
	const struct modal_ops *ops;
	void *state;
};

/* Opens a modal (replacing any open one); takes ownership of state. */
void modal_open(struct tui *ui, const struct modal_ops *ops, void *state);
void modal_close(struct tui *ui);
void modal_draw(struct tui *ui);
unsigned modal_key(struct tui *ui, struct key k);

/* A centred dialog frame of h x w (clipped to the screen); returns its
 * top-left in *y, *x. */
void modal_frame(struct tui *ui, int h, int w, const char *title, int *y, int *x);

/* ---- the modals ---- */
/* The block form: add at the cursor (block NULL) or edit a copy of block. */
void form_open(struct tui *ui, const struct block *block);
/* Choose the niche of the cursor's day or half-day. */
void niche_picker_open(struct tui *ui);
/* The settings screen (settings_view.c). */
unsigned settings_view_open(struct tui *ui);
/* Industries and accounts: add, rename, recolour, baselines, archive,
 * delete (catalog_view.c). */
unsigned catalog_view_open(struct tui *ui);
/* The first start on a folder without a plan: how to begin (setup.c). */
void setup_first_start(struct tui *ui);
/* A yes/no question; on yes runs `yes` (its flags are returned). */
void confirm_open(struct tui *ui, const char *question, unsigned (*yes)(struct tui *ui));

/* One answer of a choice: the key that picks it and what it does, in words. */
struct modal_choice {
	int key;
	const char *label;      /* "move it to 11:00-13:30" */
};
#define MODAL_CHOICES_MAX 4
/*
 * A question with up to MODAL_CHOICES_MAX answers, each picked by its key;
 * Esc (or q) leaves it unanswered.  On a pick runs chosen(ui, key, arg)
 * (arg, e.g. a block's id, is copied) and returns its flags.
 */
void choice_open(struct tui *ui, const char *title, const char *question,
		 const struct modal_choice *choices, size_t n, const char *arg,
		 unsigned (*chosen)(struct tui *ui, int key, const char *arg));

#endif
