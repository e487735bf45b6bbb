/* The start-up peer: the least a ncursesw program can do, one Thai line on
 * a cleared screen, then wait for a key. Whatever tapian spends on start-up
 * beyond this is its own. */
#include <curses.h>
#include <locale.h>

int main(void)
{
    setlocale(LC_ALL, "");
    initscr();
    raw();
    noecho();
    keypad(stdscr, TRUE);
    mvaddstr(0, 0, "ตะเพียน: การจัดการความรู้องค์กรการเงินชุมชน");
    refresh();
    wint_t c;
    get_wch(&c);
    endwin();
    return 0;
}
