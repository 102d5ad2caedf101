/* url.h: what may leave jubo of a link: which URLs are opened or copied, and the OSC 52
 * sequence that copies text to the terminal's clipboard. */
#ifndef JUBO_URL_H
#define JUBO_URL_H

/* 1 for an http or https URL without spaces or control characters, else 0. */
int url_is_safe(const char *url);

/* The OSC 52 sequence that puts text on the clipboard ("ESC ] 52 ; c ; base64 BEL");
 * malloc'd. */
char *url_osc52(const char *text);

#endif
